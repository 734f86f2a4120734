// The device engine alone, with a scripted host: what it sends the worker, how it words the
// adapter, and how a dataset that cannot load or a dying worker ends the run.
import { describe, expect, it } from 'vitest';
import type { AppToHost } from '../../src-shared/deviceRelay';
import { ENGINE_PROTOCOL } from '../../src-shared/engineProtocol';
import { DeviceHosts } from '../../src-main/engine/deviceHosts';
import type { EngineExit } from '../../src-main/engine/engineProcess';
import type { Dataset } from '../../src-engine/data/types';
import { xorGraph } from './helpers/graphs';
import { waitFor } from '../helpers/waitFor';

const tinyDataset: Dataset = {
  id: 'xor',
  name: 'XOR',
  description: '',
  task: 'classification',
  inputShape: [2],
  targetShape: [1],
  x: new Float32Array([0, 0, 1, 1]),
  y: new Float32Array([0, 1]),
  count: 2,
  hash: 'abc',
};
const gpuProbe = { available: true as const, vendor: 'nvidia', architecture: 'ampere', description: 'RTX 3060', fallback: false };

function setUp(load: () => Promise<Dataset>) {
  const devices = new DeviceHosts(load);
  const frames: AppToHost[] = [];
  const host = devices.attach('page', gpuProbe, (f) => frames.push(f));
  const graph = { ...xorGraph(2), training: { ...xorGraph(2).training, backend: 'webgpu' as const } };
  const engine = devices.openDeviceEngine('run-1', graph)!;
  const received: unknown[] = [];
  const exits: EngineExit[] = [];
  engine.onMessage((m) => received.push(m));
  engine.onExit((e) => exits.push(e));
  return { devices, frames, host, graph, engine, received, exits };
}

describe('device engine', () => {
  it('opens a worker, sends the dataset with the train request and words the adapter', async () => {
    const t = setUp(async () => tinyDataset);
    expect(t.frames).toEqual([{ kind: 'open', runId: 'run-1' }]);
    t.host.receive('run-1', { type: 'ready' });
    t.engine.send({ type: 'train', protocol: ENGINE_PROTOCOL, runId: 'run-1', graph: t.graph, threads: 2 });
    await waitFor(() => t.frames.length > 1, 'the relayed train request');
    expect(t.frames[1]).toEqual({
      kind: 'relay',
      runId: 'run-1',
      message: {
        type: 'train',
        protocol: ENGINE_PROTOCOL,
        runId: 'run-1',
        graph: t.graph,
        dataset: tinyDataset,
        backend: 'webgpu',
      },
    });
    t.host.receive('run-1', { type: 'backend', backend: 'webgpu', adapter: { ...gpuProbe, available: undefined } });
    t.host.receive('run-1', { type: 'probe', result: gpuProbe });
    expect(t.received).toEqual([{ type: 'ready' }, { type: 'backend', backend: 'webgpu', adapter: 'nvidia ampere (RTX 3060)' }]);
    t.engine.send({ type: 'pause' });
    expect(t.frames[2]).toEqual({ kind: 'relay', runId: 'run-1', message: { type: 'pause' } });
    t.engine.kill();
    expect(t.frames[3]).toEqual({ kind: 'close', runId: 'run-1' });
    expect(t.exits).toEqual([{ code: null, signal: 'kill' }]);
  });

  it('fails the run naming the dataset when it cannot be loaded', async () => {
    const t = setUp(async () => {
      throw new Error('file not found');
    });
    t.engine.send({ type: 'train', protocol: ENGINE_PROTOCOL, runId: 'run-1', graph: t.graph });
    await waitFor(() => t.received.some((m) => (m as { type?: string }).type === 'finished'), 'the job to end');
    expect(t.received).toEqual([
      { type: 'failed', message: 'the dataset "xor" could not be loaded: file not found' },
      { type: 'finished' },
    ]);
    expect(t.frames).toHaveLength(1);
  });

  it('ends the engine with the reason when the worker dies or the host goes', () => {
    const t = setUp(async () => tinyDataset);
    t.host.exited('run-1', 'the engine worker crashed: out of memory');
    expect(t.exits).toEqual([{ code: null, signal: null, reason: 'the engine worker crashed: out of memory' }]);
    const second = t.devices.openDeviceEngine('run-2', t.graph)!;
    const exits: EngineExit[] = [];
    second.onExit((e) => exits.push(e));
    t.host.detach('the window that trained this run on the GPU was closed');
    expect(exits).toEqual([{ code: null, signal: null, reason: 'the window that trained this run on the GPU was closed' }]);
    // Nothing is left to train on.
    expect(t.devices.openDeviceEngine('run-3', t.graph)).toBeNull();
    expect(t.devices.webGpu()).toEqual({ available: false, reason: 'no window with WebGPU is open to train on' });
  });
});
