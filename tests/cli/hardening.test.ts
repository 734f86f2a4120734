// Issue #14 regressions on the CLI: every bad input exits 2 with one `error:` line naming the place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, runCli } from './runCli';

let dir: string;
const xorPath = join(root, 'examples/xor.json');

async function expectError(args: string[], pattern: RegExp): Promise<void> {
  const r = await runCli(args);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
}

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'layerlab-cli-harden-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gradcheck flags (item 6)', () => {
  it('refuses --samples 0', () =>
    expectError(['gradcheck', xorPath, '--samples', '0'], /option --samples: 0 is out of range \(from 1 to 16\)/));
  it('refuses --samples 17', () =>
    expectError(['gradcheck', xorPath, '--samples', '17'], /option --samples: 17 is out of range/));
  it('refuses --tolerance -1', () =>
    expectError(['gradcheck', xorPath, '--tolerance', '-1'], /option --tolerance: -1 is out of range \(must be above 0\)/));
  it('refuses --tolerance 0', () =>
    expectError(['gradcheck', xorPath, '--tolerance', '0'], /option --tolerance: 0 is out of range/));
});

describe('numbers and encodings in graph files (item 5)', () => {
  const xor = () => readFileSync(xorPath, 'utf8');
  it('accepts a graph file that starts with a UTF-8 BOM', async () => {
    const r = await runCli(['train', write('bom.json', '\uFEFF' + xor()), '--epochs', '1']);
    expect(r.code, r.stderr).toBe(0);
  });
  it('says 1e400 is not a finite number instead of "got null"', () =>
    expectError(
      ['train', write('huge.json', xor().replace(/"units": 4/, '"units": 1e400'))],
      /node "hidden" \(params\.units\): Units must be a finite number, got Infinity/,
    ));
  it('names an invisible character by its code point', () =>
    expectError(['train', write('ctl.json', xor().replace('{', '{\u0001'))], /line 1, column 2: unexpected character U\+0001/));
  it('names the line and column of 1e309 in a CSV', () => {
    const csv = write('inf.csv', 'a,b,label\n1,2,x\n1e309,3,y\n4,5,x\n');
    return expectError(
      ['train', xorPath, '--dataset', csv, '--target', 'label'],
      /inf\.csv line 3: column "a": "1e309" is beyond the largest number/,
    );
  });
});

describe('settings the engine would refuse (item 3)', () => {
  it('names training.optimizer.lr for lr 20 instead of an internal error', () => {
    const graph = JSON.parse(readFileSync(xorPath, 'utf8')) as { training: { optimizer: Record<string, unknown> } };
    graph.training.optimizer = { name: 'adam', lr: 20 };
    return expectError(
      ['train', write('lr20.json', JSON.stringify(graph))],
      /training\.optimizer\.lr.*Learning rate must be at most 10, got 20/,
    );
  });
});

describe('model size (item 4)', () => {
  it('refuses Dense 65536 → Dense 65536 before building it, naming the node, the count and the limit', () => {
    const graph = JSON.parse(readFileSync(xorPath, 'utf8')) as {
      nodes: Array<{ id: string; type: string; params: Record<string, unknown> }>;
      edges: Array<{ id: string; source: string; target: string }>;
    };
    graph.nodes.find((n) => n.id === 'hidden')!.params.units = 65536;
    graph.nodes.push({ id: 'wide', type: 'Dense', params: { units: 65536 } });
    graph.edges = [
      { id: 'e1', source: 'input', target: 'hidden' },
      { id: 'e2', source: 'hidden', target: 'wide' },
      { id: 'e3', source: 'wide', target: 'output' },
    ];
    return expectError(
      ['train', write('wide.json', JSON.stringify(graph))],
      /node "wide".*would hold 4,295,032,832 parameters .*this machine's limit is [\d,]+ parameters \(half of this machine's/,
    );
  });
});
