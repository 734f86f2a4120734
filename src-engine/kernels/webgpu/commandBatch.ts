/// <reference types="@webgpu/types" />
// Batching of GPU commands: dispatches share one command encoder (and one compute pass while no
// copy or clear interrupts it) and are submitted together, every `flushEvery` dispatches or when
// the host needs a result. WebGPU orders dispatches of a pass, so each sees the last one's writes.

export class CommandBatch {
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private queued = 0;
  dispatches = 0;
  submits = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly flushEvery: number,
    /** Called after every submit (released buffers may be reused from then on). */
    private readonly afterSubmit: () => void,
  ) {}

  /** The encoder for copies and clears (ends an open compute pass). */
  commands(): GPUCommandEncoder {
    this.pass?.end();
    this.pass = null;
    this.encoder ??= this.device.createCommandEncoder();
    return this.encoder;
  }

  dispatch(pipeline: GPUComputePipeline, bindGroup: GPUBindGroup, groups: readonly number[]): void {
    this.encoder ??= this.device.createCommandEncoder();
    this.pass ??= this.encoder.beginComputePass();
    this.pass.setPipeline(pipeline);
    this.pass.setBindGroup(0, bindGroup);
    this.pass.dispatchWorkgroups(groups[0], groups[1] ?? 1, groups[2] ?? 1);
    this.dispatches++;
    if (++this.queued >= this.flushEvery) this.submit();
  }

  /** Submits everything encoded so far. */
  submit(): void {
    this.pass?.end();
    this.pass = null;
    if (this.encoder) {
      this.device.queue.submit([this.encoder.finish()]);
      this.encoder = null;
      this.submits++;
    }
    this.queued = 0;
    this.afterSubmit();
  }
}
