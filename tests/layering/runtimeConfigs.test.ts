// A tsconfig per runtime, so the compiler enforces the layering: a probe file that reaches for
// another runtime's globals fails to compile under its layer's settings, and `npm run typecheck`
// checks every one of those projects.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Diagnostics of `source`, compiled as a file of `dir` under `config`'s options and global declarations. */
function compile(config: string, dir: string, source: string): string[] {
  const read = ts.readConfigFile(join(root, config), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  const probe = join(root, dir, '__probe__.ts');
  const globals = parsed.fileNames.filter((f) => f.endsWith('.d.ts'));
  const options = { ...parsed.options, incremental: false, tsBuildInfoFile: undefined };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (file === probe ? source : readFile(file));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === probe || fileExists(file);
  const program = ts.createProgram([probe, ...globals], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('a tsconfig per runtime', () => {
  it('gives the engine core neither DOM nor Node, only the globals every runtime shares', () => {
    const errors = compile(
      'tsconfig.engine.json',
      'src-engine/train',
      'export const a = document.title;\nexport const b = process.env.HOME;\nexport const c = new TextEncoder().encode("x");\nexport const d = performance.now();\n',
    );
    expect(errors).toEqual([
      expect.stringMatching(/Cannot find name 'document'/),
      expect.stringMatching(/Cannot find name 'process'/),
    ]);
  });

  it('gives the shared contract neither DOM nor Node', () => {
    const errors = compile(
      'tsconfig.shared.json',
      'src-shared',
      'export const a = window.location;\nexport const b = Buffer.from("x");\n',
    );
    expect(errors).toEqual([
      expect.stringMatching(/Cannot find name 'window'/),
      expect.stringMatching(/Cannot find name 'Buffer'/),
    ]);
  });

  it('gives the main process Node but no DOM, and the renderer the DOM but no Node', () => {
    expect(compile('tsconfig.main.json', 'src-main', 'export const a = process.pid;\nexport const b = document.body;\n')).toEqual(
      [expect.stringMatching(/Cannot find name 'document'/)],
    );
    expect(
      compile('tsconfig.renderer.json', 'src-renderer', 'export const a = document.body;\nexport const b = process.pid;\n'),
    ).toEqual([expect.stringMatching(/Cannot find name 'process'/)]);
  });

  it('npm run typecheck checks every runtime project', () => {
    const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.typecheck as string;
    const configs = readdirSync(root).filter((f) => /^tsconfig(\.[a-z]+)?\.json$/.test(f));
    expect(configs.sort()).toEqual([
      'tsconfig.engine.json',
      'tsconfig.json',
      'tsconfig.main.json',
      'tsconfig.renderer.json',
      'tsconfig.shared.json',
    ]);
    for (const config of configs) expect(script).toContain(`tsc -p ${config}`);
  });
});
