// The device hosts attached to the app: pages (serve mode) or the hidden engine window (Electron)
// that can run engine workers with WebGPU. Each attaches with its probe (the adapter, or why there
// is none); a run that asks for WebGPU is opened on the first host that has an adapter.
import type { GraphDoc } from '../../src-shared/graphFormat';
import type { AppToHost, DeviceProbe } from '../../src-shared/deviceRelay';
import type { EngineProcess } from './engineProcess';
import { createDeviceEngine, type DeviceEngine, type GraphDatasetLoader } from './deviceHostEngine';
import { threadDatasetLoader } from './deviceHostDataset';

export interface AttachedHost {
  readonly label: string;
  readonly probe: DeviceProbe;
  /** A validated frame's message from the run's worker. */
  receive(runId: string, message: Record<string, unknown>): void;
  /** The run's worker died on the host. */
  exited(runId: string, reason: string): void;
  /** The host is gone; its runs end failed with `reason`. Later calls do nothing. */
  detach(reason: string): void;
}

export const NO_HOST_REASON = 'no window with WebGPU is open to train on';

export class DeviceHosts {
  private readonly hosts = new Set<HostEntry>();
  private readonly listeners = new Set<() => void>();

  /** `loadDataset` runs off the main thread by default (a worker thread per GPU run's dataset). */
  constructor(private readonly loadDataset: GraphDatasetLoader = threadDatasetLoader()) {}

  /** Registers a host; `send` carries frames to it. */
  attach(label: string, probe: DeviceProbe, send: (frame: AppToHost) => void): AttachedHost {
    const entry: HostEntry = { label, probe, send, engines: new Map(), attached: true };
    this.hosts.add(entry);
    this.changed();
    return {
      label,
      probe,
      receive: (runId, message) => entry.engines.get(runId)?.receive(message),
      exited: (runId, reason) => {
        entry.engines.get(runId)?.end(reason);
        entry.engines.delete(runId);
      },
      detach: (reason) => {
        if (!entry.attached) return;
        entry.attached = false;
        this.hosts.delete(entry);
        for (const engine of entry.engines.values()) engine.end(reason);
        entry.engines.clear();
        this.changed();
      },
    };
  }

  /** What is attached, for the backend selector. */
  list(): Array<{ label: string; probe: DeviceProbe }> {
    return [...this.hosts].map(({ label, probe }) => ({ label, probe }));
  }

  /** The probe of the host a WebGPU run would use, or why there is none. */
  webGpu(): DeviceProbe {
    const host = this.gpuHost();
    if (host) return host.probe;
    const reasons = [...this.hosts].map((h) => (h.probe.available ? '' : h.probe.reason)).filter(Boolean);
    return { available: false, reason: reasons[0] ?? NO_HOST_REASON };
  }

  /** Opens a run's engine on the first host with WebGPU; null when there is none. */
  openDeviceEngine(runId: string, graph: GraphDoc): EngineProcess | null {
    const host = this.gpuHost();
    if (!host) return null;
    const device: DeviceEngine = createDeviceEngine(runId, graph, (frame) => host.attached && host.send(frame), this.loadDataset);
    host.engines.set(runId, device);
    device.engine.onExit(() => host.engines.delete(runId));
    return device.engine;
  }

  /** Called when a host attaches or detaches. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private gpuHost(): HostEntry | null {
    for (const host of this.hosts) if (host.probe.available) return host;
    return null;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

interface HostEntry {
  label: string;
  probe: DeviceProbe;
  send(frame: AppToHost): void;
  engines: Map<string, DeviceEngine>;
  attached: boolean;
}
