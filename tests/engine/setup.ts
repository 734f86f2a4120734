// Test helpers: the CPU backends (float32 for behaviour, float64 for gradient checks).
import { setBackend } from '../../src-engine/core/backend';
import { CpuBackend, registerCpuKernels } from '../../src-engine/kernels/cpu';

registerCpuKernels();
export const cpu32 = new CpuBackend('float32');
export const cpu64 = new CpuBackend('float64');
setBackend(cpu32);
