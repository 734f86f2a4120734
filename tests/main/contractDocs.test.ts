// The one contract: the channel table, the client and the docs are derived from apiContract.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_CHANNELS, apiContract, isApiChannel } from '../../src-shared/contract';
import { createApiClient } from '../../src-shared/apiClient';
import { DOC_TABLES, tableBlock } from '../../scripts/docTables';
import { root } from '../cli/runCli';

describe('the API contract', () => {
  it('has one channel per method, named <area>:<method>', () => {
    const methods = Object.entries(apiContract).flatMap(([area, m]) => Object.keys(m).map((name) => `${area}:${name}`));
    expect(Object.keys(API_CHANNELS).sort()).toEqual(methods.sort());
    for (const channel of methods) expect(isApiChannel(channel)).toBe(true);
    expect(isApiChannel('runs:explode')).toBe(false);
  });

  it('builds a client whose every method sends its own channel, trailing undefined arguments dropped', async () => {
    const sent: Array<[string, unknown[]]> = [];
    const api = createApiClient({
      invoke: async (channel, args) => void sent.push([channel, args]),
      onRunUpdate: () => () => undefined,
      onMenuCommand: () => () => undefined,
    });
    for (const [channel, { area, method }] of Object.entries(API_CHANNELS)) {
      const fn = (api as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[area][method];
      await fn('x', undefined);
      expect(sent.at(-1)).toEqual([channel, ['x']]);
    }
  });

  it('refuses unknown fields in argument objects (strict at the trust boundary)', () => {
    expect(API_CHANNELS['runs:start'].args.safeParse([{}, { name: 'a', priority: 1 }]).success).toBe(false);
    expect(API_CHANNELS['inspect:evaluate'].args.safeParse(['r', { checkpoint: 'best', split: 'test', extra: 1 }]).success).toBe(
      false,
    );
    expect(API_CHANNELS['inspect:evaluate'].args.safeParse(['r', { checkpoint: 'best', split: 'test' }]).success).toBe(true);
  });

  it.each(DOC_TABLES.map((t) => [`${t.file} (${t.name})`, t] as const))(
    'docs table %s matches the code (run `npm run docs:tables`)',
    (_name, table) => {
      const text = readFileSync(join(root, table.file), 'utf8');
      expect(tableBlock(text, table.name)).toBe(table.generate());
    },
  );
});
