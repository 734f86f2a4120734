// Probes WebGPU in this page, with a time limit: a GPU process that hangs must not keep the
// device host from attaching (it attaches saying why there is no adapter).
import { probeWebGpu } from '../../src-engine/hosts/browser';
import type { DeviceProbe } from '../../src-shared/deviceRelay';

export async function probeHere(timeoutMs = 8000): Promise<DeviceProbe> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<DeviceProbe>((resolve) => {
    timer = setTimeout(
      () => resolve({ available: false, reason: `the GPU did not answer within ${timeoutMs / 1000} seconds` }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([
      probeWebGpu(globalThis).catch((e: unknown) => ({
        available: false as const,
        reason: `probing WebGPU failed: ${(e as Error).message}`,
      })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
