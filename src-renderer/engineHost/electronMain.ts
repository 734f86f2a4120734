// Entry of the desktop app's hidden engine window (engine-host.html): probes WebGPU, attaches to
// the main process through the preload's narrow bridge, and runs one engine worker per run.
import type { HostToApp } from '../../src-shared/deviceRelay';
import { createDeviceHostClient } from './deviceHostClient';
import { startEngineWorker } from './engineWorker';
import { probeHere } from './probeHere';

interface EngineHostBridge {
  send(frame: HostToApp): void;
  /** Frames arrive with their envelope checked; the client validates them in full. */
  onFrame(listener: (frame: unknown) => void): () => void;
}

const bridge = (window as unknown as { layerlabEngineHost?: EngineHostBridge }).layerlabEngineHost;

async function start(): Promise<void> {
  if (!bridge) throw new Error('the engine window has no bridge to the main process (preload missing)');
  const client = createDeviceHostClient({
    send: (f) => bridge.send(f),
    startWorker: startEngineWorker,
    onProblem: (t) => console.warn(`LayerLab engine window: ${t}`),
  });
  bridge.onFrame((frame) => client.receive(frame));
  bridge.send({ kind: 'attach', probe: await probeHere() });
}

start().catch((e: unknown) => console.error('LayerLab engine window could not start:', e));
