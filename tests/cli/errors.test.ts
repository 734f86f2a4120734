// Bad input exits with code 2 and one `error:` line naming the place; never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, runCli } from './runCli';

let dir: string;
const xor = JSON.parse(readFileSync(join(root, 'examples/xor.json'), 'utf8'));

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function variant(change: (g: typeof xor) => void): unknown {
  const g = structuredClone(xor);
  change(g);
  return g;
}

async function expectError(args: string[], pattern: RegExp): Promise<void> {
  const r = await runCli(args);
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).not.toMatch(/internal error/);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'layerlab-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI errors', () => {
  it('unreadable file', () => expectError(['train', join(dir, 'missing.json')], /cannot read .*missing\.json: no such file/));
  it('a folder instead of a file', () => expectError(['train', dir], /cannot read .*: it is a folder/));
  it('invalid JSON, with line and column', () =>
    expectError(
      ['train', write('bad.json', '{\n  "format": "layerlab.graph/1",\n  "nodes": [,]\n}')],
      /bad\.json is not valid JSON: line 3, column \d+/,
    ));
  it('unknown layer type names the node', () =>
    expectError(
      [
        'train',
        write(
          'layer.json',
          variant((g) => (g.nodes[1].type = 'Dense3')),
        ),
      ],
      /node "hidden" \(type\): unknown layer type "Dense3"/,
    ));
  it('unknown optimizer from a flag', () =>
    expectError(
      ['train', join(root, 'examples/xor.json'), '--optimizer', 'adamax'],
      /training\.optimizer\.name: unknown optimizer "adamax"/,
    ));
  it('unknown initializer', () =>
    expectError(
      ['train', join(root, 'examples/xor.json'), '--init', 'glorot'],
      /training\.initializer: unknown initializer "glorot"/,
    ));
  it('unknown loss', () =>
    expectError(
      [
        'train',
        write(
          'loss.json',
          variant((g) => (g.training.loss = 'l3')),
        ),
      ],
      /training\.loss: unknown loss "l3"/,
    ));
  it('unknown dataset lists the known ones', () =>
    expectError(['train', join(root, 'examples/xor.json'), '--dataset', 'cifar'], /dataset "cifar": .*unknown.*iris/i));
  it('bad parameter names the node and field', () =>
    expectError(
      [
        'train',
        write(
          'units.json',
          variant((g) => (g.nodes[1].params.units = -3)),
        ),
      ],
      /node "hidden" \(params\.units\): Units must be at least 1, got -3/,
    ));
  it('a cycle', () =>
    expectError(
      [
        'train',
        write(
          'cycle.json',
          variant((g) => g.edges.push({ id: 'back', source: 'output', target: 'hidden' })),
        ),
      ],
      /node "hidden": is part of a cycle/,
    ));
  it('a disconnected output', () =>
    expectError(
      [
        'train',
        write(
          'island.json',
          variant((g) => g.edges.splice(1, 1)),
        ),
      ],
      /node "output": is not connected to the Input/,
    ));
  it('a shape mismatch', () =>
    expectError(
      [
        'train',
        write(
          'shape.json',
          variant((g) => (g.nodes[2].params.units = 3)),
        ),
      ],
      /node "output": is the output and gives \[3\], but the dataset has 2 classes/,
    ));
  // The engine's own limits are checked before training, with the field named (never "internal error").
  it.each([
    ['lr 1e6', ['--lr', '1e6'], /training\.optimizer\.lr: Learning rate must be at most 10, got 1000000/],
    ['lr 20', ['--lr', '20'], /training\.optimizer\.lr: Learning rate must be at most 10, got 20/],
  ])('an out-of-range %s from a flag', (_what, flags, message) =>
    expectError(['train', join(root, 'examples/xor.json'), ...flags], message),
  );
  it('momentum 1', () =>
    expectError(
      [
        'train',
        write(
          'momentum.json',
          variant((g) => (g.training.optimizer = { name: 'momentum', lr: 0.1, momentum: 1 })),
        ),
      ],
      /training\.optimizer\.momentum: Momentum must be below 1, got 1/,
    ));
  it('Adam eps 2', () =>
    expectError(
      [
        'train',
        write(
          'eps.json',
          variant((g) => (g.training.optimizer = { name: 'adam', lr: 0.01, eps: 2 })),
        ),
      ],
      /training\.optimizer\.eps: Epsilon must be at most 1, got 2/,
    ));
  it('a bad flag value', () =>
    expectError(['train', join(root, 'examples/xor.json'), '--epochs', 'ten'], /option --epochs: "ten" is not a number/));
  it('an unknown flag', () => expectError(['train', join(root, 'examples/xor.json'), '--epoch', '3'], /unknown option --epoch/));
  it('an unknown command', () => expectError(['fit'], /unknown command "fit"/));
});
