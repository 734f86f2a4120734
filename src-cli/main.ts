// LayerLab's command line: train, sweep, predict, export, import-onnx, gradcheck, datasets, word2vec, lessons. Bad input exits 2
// with one `error:` line; --help (anywhere, for any command) prints generated help and exits 0.
import { CliError, EXIT_USAGE } from './errors';
import { commands } from './commands';
import { commandHelp, topLevelHelp } from './help';

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const table = commands();
  if (command === undefined) {
    process.stderr.write(topLevelHelp(table));
    return EXIT_USAGE;
  }
  if (isHelp(command) || command === 'help') {
    const about = rest[0] !== undefined ? table.find((c) => c.name === rest[0]) : undefined;
    if (rest[0] !== undefined && !about)
      throw new CliError(`unknown command "${rest[0]}" (commands: ${table.map((c) => c.name).join(', ')})`);
    process.stdout.write(about ? commandHelp(about) : topLevelHelp(table));
    return 0;
  }
  const found = table.find((c) => c.name === command);
  if (!found)
    throw new CliError(`unknown command "${command}" (commands: ${table.map((c) => c.name).join(', ')}; --help lists them)`);
  if (rest.some(isHelp)) {
    process.stdout.write(commandHelp(found));
    return 0;
  }
  return found.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const message = e instanceof CliError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
