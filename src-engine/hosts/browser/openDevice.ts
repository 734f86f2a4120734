/// <reference types="@webgpu/types" />
// Obtaining a WebGPU adapter and device in a page or worker, with the reason in plain words
// when there is none (no WebGPU in this browser, not a secure context, no adapter, ...).

export interface AdapterSummary {
  vendor: string;
  architecture: string;
  description: string;
  /** True for a software adapter (SwiftShader) or one the browser marks as fallback. */
  fallback: boolean;
}

export type AdapterResult = { ok: true; adapter: GPUAdapter } | { ok: false; reason: string };
export type DeviceResult = { ok: true; device: GPUDevice; adapter: AdapterSummary } | { ok: false; reason: string };

export function describeAdapter(adapter: GPUAdapter): AdapterSummary {
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
  const architecture = info?.architecture ?? '';
  const isFallback = (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
  return {
    vendor: info?.vendor ?? '',
    architecture,
    description: info?.description ?? '',
    fallback: isFallback || /swiftshader/i.test(architecture),
  };
}

/** The high-performance adapter of `scope` (a window or worker global), or why there is none. */
export async function findAdapter(scope: unknown = globalThis): Promise<AdapterResult> {
  const gpu = (scope as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  if (!gpu) {
    const secure = (scope as { isSecureContext?: boolean }).isSecureContext;
    return {
      ok: false,
      reason:
        secure === false
          ? 'WebGPU needs a secure context (https, file:, app: or http://127.0.0.1)'
          : 'this browser has no WebGPU (on Linux, Chromium and Electron need --enable-unsafe-webgpu)',
    };
  }
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (adapter) return { ok: true, adapter };
    return {
      ok: false,
      reason: 'no GPU adapter is available (WebGPU is off, blocklisted for this GPU or driver, or there is no GPU)',
    };
  } catch (error) {
    return { ok: false, reason: `asking for a GPU adapter failed: ${(error as Error).message}` };
  }
}

/** An adapter and a device with the adapter's largest buffer limits. */
export async function openDevice(scope: unknown = globalThis): Promise<DeviceResult> {
  const found = await findAdapter(scope);
  if (!found.ok) return found;
  const { adapter } = found;
  try {
    const device = await adapter.requestDevice({
      label: 'layerlab',
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
    return { ok: true, device, adapter: describeAdapter(adapter) };
  } catch (error) {
    return { ok: false, reason: `the GPU adapter refused to create a device: ${(error as Error).message}` };
  }
}
