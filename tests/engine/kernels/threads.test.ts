// The Node thread pool as hosts use it: the CLI's process still exits on its own after using
// helper threads, a pool can be replaced or shut down while kernels keep working, and a kernel
// that fails on any thread is reported without leaving the pool out of step.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tensor } from '../../../src-engine/core/tensor';
import { matmul } from '../../../src-engine/ops';
import { withBackend } from '../../../src-engine/core/backend';
import { cpuThreadPool, cpuThreads, shutdownCpuThreads } from '../../../src-engine/hosts/node/cpuEngine';
import { parallelThreads } from '../../../src-engine/kernels/wasm';
import { expectIdentical, fast, helperChunks, runtime, useThreads } from './fixtures';

describe('kernel helper threads in Node', () => {
  it('never keep the process alive', () => {
    const probe = fileURLToPath(new URL('./exitProbe.ts', import.meta.url));
    const started = Date.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', probe], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('cpu-fast 2 256');
    expect(result.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('can be resized and shut down between calls, results unchanged', async () => {
    const a = withBackend(fast, () =>
      tensor(
        Float32Array.from({ length: 90 * 70 }, (_, i) => Math.sin(i)),
        [90, 70],
      ),
    );
    const product = () => withBackend(fast, () => matmul(a, a, false, true).dataSync().slice());
    await useThreads(3);
    expect(cpuThreads()).toBe(3);
    expect(parallelThreads()).toBe(3);
    const before = helperChunks();
    const three = product();
    expect(helperChunks()).toBeGreaterThan(before);
    await useThreads(2);
    const two = product();
    shutdownCpuThreads();
    expect(parallelThreads()).toBe(1);
    const one = product();
    expectIdentical(two, three);
    expectIdentical(one, three);
  });

  it('reports a kernel that fails on either thread, and keeps working afterwards', async () => {
    await useThreads(2);
    const pool = cpuThreadPool()!;
    const x = fast.zeros(4096) as Float32Array;
    x.fill(-1);
    const out = fast.zeros(4096) as Float32Array;
    const beyondMemory = 0x7ff00000; // past the end of the kernels' memory: the access traps
    const relu = (input: number) => runtime.run('relu', [input, out.byteOffset, 0, 0], 4096, 16, 1);
    pool.helpersOnly = true;
    expect(() => relu(beyondMemory)).toThrow(/helper thread/);
    pool.helpersOnly = false;
    expect(() => relu(beyondMemory)).toThrow();
    relu(x.byteOffset);
    expect(out.every((v) => v === 0)).toBe(true);
    x.fill(2);
    relu(x.byteOffset);
    expect(out.every((v) => v === 2)).toBe(true);
  });
});
