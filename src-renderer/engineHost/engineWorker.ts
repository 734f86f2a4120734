// Starts the WebGPU engine worker (src-engine/hosts/browser/webgpuWorker.ts); the bundler turns
// this `new Worker(new URL(…))` into a separate module chunk served from the app's own origin.
import type { EngineWorker } from './deviceHostClient';

export function startEngineWorker(): EngineWorker {
  return new Worker(new URL('../../src-engine/hosts/browser/webgpuWorker.ts', import.meta.url), {
    type: 'module',
    name: 'LayerLab GPU engine',
  }) as unknown as EngineWorker;
}
