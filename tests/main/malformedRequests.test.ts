// Every request is validated before anything runs: malformed payloads (wrong channel, arity,
// types, sizes, an untrainable graph) and untrusted IPC senders are answered with a plain error
// and change nothing in the database.
import { describe, expect, it } from 'vitest';
import { startTestApp } from './helpers/services';
import { xorGraph } from './helpers/graphs';
import { answerIpc, createSenderCheck } from '../../src-main/ipc/ipcRequests';

describe('malformed requests', () => {
  const app = startTestApp();
  const dispatch = app.services.dispatch;
  const snapshot = () =>
    app.services.store.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM runs) AS runs, (SELECT COUNT(*) FROM graph_snapshots) AS graphs,
        (SELECT COUNT(*) FROM settings) AS settings, (SELECT COUNT(*) FROM sweeps) AS sweeps, (SELECT COUNT(*) FROM run_tags) AS tags`,
      )
      .get();

  const good = xorGraph(3);
  const { nodes: _dropped, ...noNodes } = good;
  const cases: Array<[string, unknown, unknown, RegExp]> = [
    ['an unknown channel', 'runs:explode', [], /unknown request "runs:explode"/],
    ['a channel that is not a string', 42, [], /unknown request "42"/],
    ['args that are not a list', 'runs:list', { 0: 1 }, /invalid request "runs:list": the arguments must be a list/],
    ['too many arguments', 'runs:list', [1], /invalid request "runs:list": too many arguments/],
    ['a missing argument', 'runs:get', [], /invalid request "runs:get": missing arguments/],
    ['a graph without nodes', 'runs:start', [noNodes], /argument 1 \(nodes\): missing \(expected a list\)/],
    [
      'a node with a bad id',
      'runs:start',
      [{ ...good, nodes: [good.nodes[0], { ...good.nodes[1], position: { x: 'left', y: 0 } }] }],
      /argument 1, node "hidden" \(position\.x\): expected number, received string/,
    ],
    ['a graph of the wrong format', 'runs:start', [{ ...good, format: 'other/2' }], /argument 1 \(format\)/],
    [
      'a negative learning rate',
      'runs:start',
      [{ ...good, training: { ...good.training, optimizer: { name: 'adam', lr: -1 } } }],
      /training\.optimizer\.lr/,
    ],
    ['unknown start options', 'runs:start', [good, { name: 'x', priority: 9 }], /argument 2/],
    [
      'a graph that cannot train',
      'runs:start',
      [{ ...good, nodes: [...good.nodes, { id: 'odd', type: 'Teleport' }] }],
      /cannot train: node "odd"/,
    ],
    ['a wrong dataset shape', 'runs:start', [{ ...good, training: { ...good.training, dataset: 'iris' } }], /cannot train/],
    ['a run id that is too long', 'runs:stop', ['x'.repeat(500)], /at most 100 characters/],
    ['an empty name', 'runs:rename', ['some-id', '   '], /may not be empty/],
    ['tags that are not strings', 'runs:setTags', ['some-id', [1, 2]], /argument 2 \(item 1\): expected string, received number/],
    ['a sweep with no axis', 'sweeps:start', [good, {}], /at least one axis/],
    ['a sweep with a zero learning rate', 'sweeps:start', [good, { learningRates: [0] }], /learning rate must be above 0/],
    [
      'a too large sweep',
      'sweeps:start',
      [
        good,
        {
          optimizers: ['sgd', 'adam', 'rmsprop', 'adagrad'],
          seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
          learningRates: [0.1, 0.2],
        },
      ],
      /128 runs; the most is 64/,
    ],
    [
      'a search without trials',
      'sweeps:start',
      [good, { method: 'random', params: [{ path: 'training.optimizer.lr', dist: { kind: 'log', min: 0.001, max: 0.1 } }] }],
      /a random search needs a number of trials/,
    ],
    [
      'a search with a log range from 0',
      'sweeps:start',
      [good, { method: 'random', trials: 2, params: [{ path: 'lr', dist: { kind: 'log', min: 0, max: 0.1 } }] }],
      /a log range starts above 0/,
    ],
    [
      'a search of a node that does not exist',
      'sweeps:start',
      [good, { method: 'random', trials: 2, params: [{ path: 'hiden.units', dist: { kind: 'int', min: 2, max: 8 } }] }],
      /"hiden.units" is neither a training setting .* nor <node>.<setting> of a node \(input, hidden, output\)/,
    ],
    [
      'a search whose value cannot train',
      'sweeps:start',
      [good, { method: 'grid', params: [{ path: 'hidden.units', dist: { kind: 'values', values: [4, 0] } }] }],
      /trial 2 \(hidden.units 0\) cannot train: hidden.units=0: Units must be at least 1/,
    ],
    ['a setting key with odd characters', 'settings:set', ['../../etc', 1], /setting key uses letters/],
    ['a setting that is not JSON', 'settings:set', ['theme', () => 1], /argument 2/],
    ['a huge setting', 'settings:set', ['theme', 'x'.repeat(300_000)], /too large/],
    ['an unknown dataset preview', 'datasets:preview', ['no-such-data'], /unknown dataset "no-such-data"/],
    ['a project name with folders', 'projects:save', [good, '../escape'], /not a project name/],
    ['a project path with control characters', 'projects:open', ['a\u0000b'], /control characters/],
    ['a run that does not exist', 'runs:get', ['nope'], /there is no run nope/],
  ];

  it.each(cases)('rejects %s and changes nothing', async (_what, channel, args, message) => {
    const before = snapshot();
    const error = await dispatch(channel, args).then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toMatch(message);
    expect(error!.message).not.toMatch(/\n\s+at /);
    expect(snapshot()).toEqual(before);
  });

  it('answers well-formed requests', async () => {
    expect(await dispatch('runs:list', [])).toEqual([]);
    expect(await dispatch('settings:set', ['theme', { mode: 'dark' }])).toBeUndefined();
    expect(await dispatch('settings:get', ['theme'])).toEqual({ mode: 'dark' });
    const datasets = (await dispatch('datasets:list', [])) as Array<{ id: string }>;
    expect(datasets.map((d) => d.id)).toEqual(expect.arrayContaining(['xor', 'iris', 'mnist']));
  });
});

describe('IPC requests', () => {
  const isTrusted = createSenderCheck('file:///opt/LayerLab/resources/app/out/renderer/index.html');
  const devTrusted = createSenderCheck('http://localhost:5173/');

  it('trusts only the main frame of our own page', () => {
    expect(isTrusted({ url: 'file:///opt/LayerLab/resources/app/out/renderer/index.html#/runs', isAppMainFrame: true })).toBe(
      true,
    );
    expect(isTrusted({ url: 'file:///opt/LayerLab/resources/app/out/renderer/index.html', isAppMainFrame: false })).toBe(false);
    expect(isTrusted({ url: 'file:///tmp/evil.html', isAppMainFrame: true })).toBe(false);
    expect(isTrusted({ url: 'https://example.com/', isAppMainFrame: true })).toBe(false);
    expect(isTrusted({ url: null, isAppMainFrame: true })).toBe(false);
    expect(devTrusted({ url: 'http://localhost:5173/index.html', isAppMainFrame: true })).toBe(true);
    expect(devTrusted({ url: 'http://localhost:5174/', isAppMainFrame: true })).toBe(false);
    const appTrusted = createSenderCheck('app://layerlab/index.html');
    expect(appTrusted({ url: 'app://layerlab/index.html?x=1', isAppMainFrame: true })).toBe(true);
    expect(appTrusted({ url: 'app://other/index.html', isAppMainFrame: true })).toBe(false);
    expect(appTrusted({ url: 'evil://layerlab/index.html', isAppMainFrame: true })).toBe(false);
  });

  it('refuses untrusted senders without dispatching, and wraps errors as plain replies', async () => {
    let calls = 0;
    const dispatch = async () => {
      calls++;
      throw new Error('boom');
    };
    expect(await answerIpc(dispatch, false, 'runs:list', [])).toEqual({
      ok: false,
      error: 'request refused: it did not come from the LayerLab window',
    });
    expect(calls).toBe(0);
    expect(await answerIpc(dispatch, true, 'runs:list', [])).toEqual({ ok: false, error: 'boom' });
    expect(await answerIpc(async () => 7, true, 'runs:list', [])).toEqual({ ok: true, result: 7 });
  });
});
