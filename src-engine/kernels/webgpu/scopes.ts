// Memory scopes for GPU storage (Backend.openScope in core/backend.ts): storage allocated while a
// scope records is freed when the scope is released, except what the caller keeps. Storage that
// in-place optimizer kernels mutate (parameters, optimizer state) is persistent and never freed
// by a scope, even when a caller forgot to pause recording before the optimizer step.
import type { DataHandle, MemoryScope } from '../../core/backend';
import { GpuData } from './gpuData';

export class ScopeRecorder {
  private readonly recording: Array<Set<GpuData>> = [];
  private readonly persistent = new WeakSet<GpuData>();

  constructor(private readonly free: (data: GpuData) => void) {}

  /** Records new storage in the innermost recording scope. */
  track(data: GpuData): void {
    this.recording[this.recording.length - 1]?.add(data);
  }

  /** Storage released early is no scope's business any more. */
  forget(data: GpuData): void {
    for (const scope of this.recording) scope.delete(data);
  }

  persist(data: GpuData): void {
    this.persistent.add(data);
    this.forget(data);
  }

  open(): MemoryScope {
    const recorded = new Set<GpuData>();
    this.recording.push(recorded);
    const stop = () => {
      const i = this.recording.lastIndexOf(recorded);
      if (i >= 0) this.recording.splice(i, 1);
    };
    return {
      pause: stop,
      release: (keep: ReadonlySet<DataHandle>, carried: readonly DataHandle[] = []) => {
        stop();
        const kept: DataHandle[] = [];
        for (const list of [[...recorded], carried]) {
          for (const handle of list) {
            if (keep.has(handle)) kept.push(handle);
            else if (handle instanceof GpuData && !this.persistent.has(handle)) this.free(handle);
          }
        }
        recorded.clear();
        return kept;
      },
    };
  }
}
