// Sets up the CPU backend for Node hosts (CLI, tests, worker threads, utility process).
import { setBackend } from '../../core/backend';
import { CpuBackend, registerCpuKernels } from '../../kernels/cpu';

let ready: CpuBackend | null = null;

export function useCpuBackend(): CpuBackend {
  if (!ready) {
    registerCpuKernels();
    ready = new CpuBackend('float32');
    setBackend(ready);
  }
  return ready;
}

export const cpuFloat64 = (): CpuBackend => {
  registerCpuKernels();
  return new CpuBackend('float64');
};
