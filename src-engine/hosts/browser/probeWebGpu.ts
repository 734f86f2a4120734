// For the UI's backend selector: is there a WebGPU adapter here, and which one (or why not)?
import { describeAdapter, findAdapter } from './openDevice';

export type WebGpuProbe =
  | { available: true; vendor: string; architecture: string; description: string; fallback: boolean }
  | { available: false; reason: string };

/** Asks for an adapter without creating a device. Works in a page or a worker. */
export async function probeWebGpu(scope: unknown = globalThis): Promise<WebGpuProbe> {
  const found = await findAdapter(scope);
  return found.ok ? { available: true, ...describeAdapter(found.adapter) } : { available: false, reason: found.reason };
}
