// `npm run serve -- [--port N] [--db PATH] [--static DIR] [--projects DIR] [--data DIR]… [--concurrency N] [--engine child|thread]`:
// runs LayerLab in the browser. Prints the address (with its session token) to open.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from './server';
import { isDirectory, prepareWritableFolder } from './startupChecks';
import { ensureEngineBundle } from '../engine/engineBundle';
import { warmEngineSpawner } from '../engine/nodeSpawners';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        db: { type: 'string' },
        static: { type: 'string' },
        projects: { type: 'string' },
        concurrency: { type: 'string' },
        engine: { type: 'string' },
        data: { type: 'string', multiple: true },
      },
      strict: true,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: "${values.port}" is not a port number (0–65535)`);
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 8))
    fail(`--concurrency: "${values.concurrency}" must be a whole number from 1 to 8`);
  if (values.engine !== undefined && values.engine !== 'child' && values.engine !== 'thread')
    fail(`--engine: "${values.engine}" must be child or thread`);
  return {
    port,
    dbPath: resolve(values.db ?? process.env.LAYERLAB_DB ?? join(homedir(), '.layerlab', 'layerlab.sqlite')),
    staticDir: resolve(values.static ?? join(repoRoot, 'out', 'renderer')),
    projectsDir: values.projects ? resolve(values.projects) : undefined,
    concurrency,
    engine: values.engine as 'child' | 'thread' | undefined,
    dataDirs: (values.data ?? []).map((d) => resolve(d)),
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  const dbProblem = prepareWritableFolder(dirname(options.dbPath));
  if (dbProblem) fail(`--db ${options.dbPath}: ${dbProblem}`);
  const projectsProblem = prepareWritableFolder(options.projectsDir ?? join(dirname(options.dbPath), 'projects'));
  if (projectsProblem) fail(`--projects: ${projectsProblem}`);
  for (const dir of options.dataDirs) {
    if (!isDirectory(dir)) fail(`--data ${dir}: not a folder`);
  }
  // Engines start from a bundle (no TypeScript to compile per run); built here when the sources changed.
  const bundle = await ensureEngineBundle();
  if (!bundle.status.fresh) process.stdout.write(`engines start from source (slower): ${bundle.status.reason}\n`);
  // One engine is kept started ahead of need, so a run's engine has already loaded.
  const spawnEngine = warmEngineSpawner(options.engine ?? 'child');
  let server;
  try {
    server = await startServer({ ...options, spawnEngine });
  } catch (e) {
    fail((e as Error).message);
  }
  if (server.services.recovered > 0)
    process.stdout.write(`${server.services.recovered} run(s) left active by the last session are now marked interrupted\n`);
  process.stdout.write(`LayerLab is serving at ${server.url}\n`);
  process.stdout.write(`database: ${options.dbPath}\n`);
  const stop = (): void => {
    spawnEngine.close();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
