// Run as a child process by threads.test.ts: trains with helper threads, then simply returns.
// The process must exit by itself (helpers are unref'd), as the CLI does after training.
import { cpuThreadsReady, cpuThreads, useCpuBackend } from '../../../src-engine/hosts/node/cpuEngine';
import { tensor } from '../../../src-engine/core/tensor';
import { matmul } from '../../../src-engine/ops';

const backend = useCpuBackend({ threads: 2 });
await cpuThreadsReady();
const a = tensor(new Float32Array(256 * 256).fill(1), [256, 256]);
const c = matmul(a, a);
process.stdout.write(`${backend.name} ${cpuThreads()} ${c.dataSync()[0]}\n`);
