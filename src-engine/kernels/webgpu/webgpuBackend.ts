/// <reference types="@webgpu/types" />
// The WebGPU backend: tensor data in pooled GPU storage buffers, kernels as WGSL compute
// programs. Kernels only encode work (synchronously); commandBatch.ts submits it in batches.
// Reading a value back is the only wait. A device error or loss is remembered and thrown (in
// plain words) by the next kernel or read, so a run ends as failed and the app keeps working.
import type { Backend, DataHandle, FloatArray, MemoryScope } from '../../core/backend';
import { BufferPool, type PoolStats } from './bufferPool';
import { GpuData, gpuData } from './gpuData';
import { packUniforms, programSource, UNIFORM_BYTES, type Program, type Uniforms } from './program';
import { ScopeRecorder } from './scopes';
import { CommandBatch } from './commandBatch';
import { registerWebGpuKernels } from './registerKernels';

export interface WebGpuBackendOptions {
  /** Dispatches encoded before the batch is submitted (so the GPU starts early). */
  flushEvery?: number;
}

export interface WebGpuStats {
  storage: PoolStats;
  pipelines: number;
  dispatches: number;
  submits: number;
}

/** Thrown by kernels once the device is lost or reported an error; the message is for users. */
export class WebGpuFailure extends Error {}

export class WebGpuBackend implements Backend {
  readonly name = 'webgpu';
  readonly dtype = 'float32' as const;
  /** First error the device reported (shader compilation, validation, loss), in plain words. */
  failure: string | null = null;
  private readonly storage: BufferPool;
  private readonly uniformPool: BufferPool;
  private readonly stagingPool: BufferPool;
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  private readonly scopes = new ScopeRecorder((data) => this.release(data));
  private readonly batch: CommandBatch;
  private usedUniforms: Array<{ buffer: GPUBuffer; bytes: number }> = [];
  // A tensor dropped without release() still returns its buffer to the pool, eventually.
  private readonly finalizer = new FinalizationRegistry<{ buffer: GPUBuffer; bytes: number }>((held) =>
    this.storage.release(held.buffer, held.bytes),
  );

  private constructor(
    readonly device: GPUDevice,
    options: WebGpuBackendOptions,
  ) {
    this.batch = new CommandBatch(device, options.flushEvery ?? 64, () => this.recycle());
    // GPUBufferUsage is read here, not at import, so Node can import this module for types.
    this.storage = new BufferPool(device, GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST, 'tensor');
    this.uniformPool = new BufferPool(device, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST, 'uniforms');
    this.stagingPool = new BufferPool(device, GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST, 'readback');
    device.addEventListener('uncapturederror', (event) => {
      this.fail(`the GPU reported an error: ${(event as GPUUncapturedErrorEvent).error.message}`);
    });
    void device.lost.then((info) => this.fail(`the GPU device was lost${info.message ? `: ${info.message}` : ''}`));
  }

  /** The backend for `device`, with every WebGPU kernel registered. */
  static create(device: GPUDevice, options: WebGpuBackendOptions = {}): WebGpuBackend {
    registerWebGpuKernels();
    return new WebGpuBackend(device, options);
  }

  private fail(message: string): void {
    this.failure ??= message;
  }

  private checkHealthy(): void {
    if (this.failure) throw new WebGpuFailure(this.failure);
  }

  // --- storage -------------------------------------------------------------------------------

  /** New uninitialized storage for `size` float32 values (tracked by the open scope). */
  alloc(size: number): GpuData {
    this.checkHealthy();
    const { buffer, bytes } = this.storage.acquire(size * 4);
    const data = new GpuData(buffer, size, bytes);
    this.finalizer.register(data, { buffer, bytes }, data);
    this.scopes.track(data);
    return data;
  }

  upload(values: ArrayLike<number>, size: number): DataHandle {
    const data = this.alloc(size);
    if (size > 0) {
      let f32 = values instanceof Float32Array && values.length === size ? values : null;
      if (!f32) (f32 = new Float32Array(size)).set(values);
      // Safe without a flush: the buffer came from the free pool, so earlier users are submitted.
      this.device.queue.writeBuffer(data.live(), 0, f32.buffer, f32.byteOffset, size * 4);
    }
    return data;
  }

  zeros(size: number): DataHandle {
    const data = this.alloc(size);
    if (size > 0) this.batch.commands().clearBuffer(data.live(), 0, size * 4);
    return data;
  }

  async read(handle: DataHandle, size: number): Promise<FloatArray> {
    this.checkHealthy();
    const data = gpuData(handle);
    if (size === 0) return new Float32Array(0);
    const bytes = size * 4;
    const staging = this.stagingPool.acquire(bytes);
    this.batch.commands().copyBufferToBuffer(data.live(), 0, staging.buffer, 0, bytes);
    this.batch.submit();
    try {
      await staging.buffer.mapAsync(GPUMapMode.READ, 0, bytes);
    } catch (error) {
      // A lost device rejects the mapping; its reason may land a moment later, and says more.
      await Promise.race([this.device.lost, new Promise((resolve) => setTimeout(resolve, 50))]);
      this.checkHealthy();
      throw new WebGpuFailure(`reading a tensor back from the GPU failed: ${(error as Error).message}`);
    }
    const copy = new Float32Array(staging.buffer.getMappedRange(0, bytes).slice(0));
    staging.buffer.unmap();
    this.stagingPool.release(staging.buffer, staging.bytes);
    this.checkHealthy();
    return copy;
  }

  hostView(): FloatArray | null {
    return null;
  }

  release(handle: DataHandle): void {
    const data = gpuData(handle);
    const buffer = data.buffer;
    if (!buffer) return;
    data.buffer = null;
    this.finalizer.unregister(data);
    this.scopes.forget(data);
    this.storage.release(buffer, data.bytes);
  }

  // --- scopes: releasing a step's temporaries ------------------------------------------------

  /** Records allocations until released (see MemoryScope in core/backend.ts). */
  openScope(): MemoryScope {
    return this.scopes.open();
  }

  /** Marks storage that no scope may free (parameters and optimizer state; in-place kernels call it). */
  markPersistent(handle: DataHandle): void {
    this.scopes.persist(gpuData(handle));
  }

  // --- running programs ----------------------------------------------------------------------

  /** Encodes one dispatch of `program` (compiled once per key). */
  run(program: Program, inputs: DataHandle[], outputs: DataHandle[], uniforms: Uniforms, groups: readonly number[]): void {
    this.checkHealthy();
    if (inputs.length !== program.inputs.length || outputs.length !== program.outputs.length) {
      throw new Error(`program ${program.key} takes ${program.inputs.length} inputs and ${program.outputs.length} outputs`);
    }
    const pipeline = this.pipeline(program);
    const uniform = this.uniformPool.acquire(UNIFORM_BYTES);
    this.device.queue.writeBuffer(uniform.buffer, 0, packUniforms(uniforms));
    this.usedUniforms.push(uniform);
    const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: uniform.buffer, size: UNIFORM_BYTES } }];
    [...inputs, ...outputs].forEach((handle, k) => {
      const data = gpuData(handle);
      entries.push({ binding: k + 1, resource: { buffer: data.live(), size: Math.max(4, data.size * 4) } });
    });
    this.batch.dispatch(pipeline, this.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries }), groups);
  }

  /** Encodes a buffer-to-buffer copy of `size` values. */
  copy(from: DataHandle, to: DataHandle, size: number, toOffset = 0): void {
    this.checkHealthy();
    if (size === 0) return;
    this.batch.commands().copyBufferToBuffer(gpuData(from).live(), 0, gpuData(to).live(), toOffset * 4, size * 4);
  }

  private pipeline(program: Program): GPUComputePipeline {
    let pipeline = this.pipelines.get(program.key);
    if (!pipeline) {
      // Compilation and validation errors arrive asynchronously; the scope names the program.
      this.device.pushErrorScope('validation');
      const module = this.device.createShaderModule({ code: programSource(program), label: program.key });
      pipeline = this.device.createComputePipeline({
        layout: 'auto',
        compute: { module, entryPoint: 'main' },
        label: program.key,
      });
      void this.device.popErrorScope().then((error) => {
        if (error) this.fail(`the GPU program ${program.key} failed to build: ${error.message}`);
      });
      this.pipelines.set(program.key, pipeline);
    }
    return pipeline;
  }

  /** Submits everything encoded so far. */
  flush(): void {
    this.batch.submit();
  }

  /** After a submit: uniforms and released buffers may be reused, as later work is ordered after it. */
  private recycle(): void {
    for (const u of this.usedUniforms) this.uniformPool.release(u.buffer, u.bytes);
    this.usedUniforms = [];
    this.storage.recycle();
    this.uniformPool.recycle();
    this.stagingPool.recycle();
  }

  /** Resolves when the GPU has finished all submitted work; rejects with the failure if any. */
  async sync(): Promise<void> {
    this.flush();
    await this.device.queue.onSubmittedWorkDone();
    this.checkHealthy();
  }

  stats(): WebGpuStats {
    return {
      storage: this.storage.stats(),
      pipelines: this.pipelines.size,
      dispatches: this.batch.dispatches,
      submits: this.batch.submits,
    };
  }

  /** Frees pooled buffers nobody uses (after a run). */
  trim(): void {
    this.flush();
    this.storage.trim();
    this.uniformPool.trim();
    this.stagingPool.trim();
  }
}
