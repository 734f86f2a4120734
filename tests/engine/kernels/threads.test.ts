// The Node thread pool as hosts use it: the CLI's process still exits on its own after using
// helper threads, and a pool can be replaced or shut down while kernels keep working.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tensor } from '../../../src-engine/core/tensor';
import { matmul } from '../../../src-engine/ops';
import { withBackend } from '../../../src-engine/core/backend';
import { cpuThreads, shutdownCpuThreads } from '../../../src-engine/hosts/node/cpuEngine';
import { parallelThreads } from '../../../src-engine/kernels/wasm';
import { expectIdentical, fast, helperChunks, useThreads } from './fixtures';

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
    const a = withBackend(fast, () => tensor(Float32Array.from({ length: 90 * 70 }, (_, i) => Math.sin(i)), [90, 70]));
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
});
