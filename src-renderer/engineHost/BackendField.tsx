// The Training panel's backend selector: CPU (threads) or WebGPU with the adapter found, or the
// WebGPU option disabled with the reason. Writes training.backend in the document. Below it, where
// this window's own computations (insight views, labs) run.
import { useEffect, useState } from 'react';
import type { TrainingConfig } from '../../src-shared/graphFormat';
import { describeAdapter, type DeviceProbe } from '../../src-shared/deviceRelay';
import { useBackendStore } from './backendStore';
import { describeInferenceBackend } from '../app/inference';

type Backend = NonNullable<TrainingConfig['backend']>;

export function BackendField({ value, onChange }: { value: Backend | undefined; onChange(backend: Backend): void }) {
  const availability = useBackendStore((s) => s.availability);
  const load = useBackendStore((s) => s.load);
  useEffect(() => void load(), [load]);
  const windowBackend = useWindowBackend();
  const chosen = value ?? 'cpu';
  const threads = availability?.cpuThreads;
  const gpu = availability?.webgpu;
  const gpuLabel = !gpu
    ? 'WebGPU (looking for a GPU…)'
    : gpu.available
      ? `WebGPU · ${gpu.vendor || 'GPU'}${gpu.architecture ? ` ${gpu.architecture}` : ''}`
      : 'WebGPU (not available)';
  return (
    <div className="field">
      <label htmlFor="f-backend">Backend</label>
      <select
        id="f-backend"
        value={chosen}
        onChange={(e) => onChange(e.target.value as Backend)}
        onFocus={() => void load()}
        data-testid="select-backend"
        aria-describedby="f-backend-help"
      >
        <option value="cpu">CPU{threads ? ` (${threads} ${threads === 1 ? 'thread' : 'threads'})` : ''}</option>
        <option
          value="webgpu"
          disabled={!gpu?.available && chosen !== 'webgpu'}
          title={gpu && !gpu.available ? gpu.reason : undefined}
        >
          {gpuLabel}
        </option>
      </select>
      <p className="field-help" id="f-backend-help" data-testid="backend-help">
        {helpText(chosen, gpu)}
      </p>
      {windowBackend && (
        <p className="field-help" data-testid="page-backend">
          {windowBackend}
        </p>
      )}
    </div>
  );
}

/**
 * Where this window computes, once the page's kernels are set up: that compiles them and starts
 * their workers (tens of ms), so it waits for an idle moment instead of delaying the first paint.
 */
function useWindowBackend(): string | null {
  const [line, setLine] = useState<string | null>(null);
  useEffect(() => {
    const id = requestIdleCallback(() => setLine(describeInferenceBackend()));
    return () => cancelIdleCallback(id);
  }, []);
  return line;
}

function helpText(chosen: Backend, gpu: DeviceProbe | undefined): string {
  if (!gpu) return 'Where the math runs. Each run records its backend.';
  if (!gpu.available) {
    return chosen === 'webgpu'
      ? `WebGPU is not available: ${gpu.reason}. This run will train on the CPU and say so.`
      : `Where the math runs. WebGPU is not available: ${gpu.reason}.`;
  }
  const adapter = describeAdapter(gpu);
  return chosen === 'webgpu'
    ? `Trains on ${adapter}. Same results as the CPU to float32 rounding.`
    : `Where the math runs. WebGPU can train on ${adapter}.`;
}
