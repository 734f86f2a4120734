// The browser host's public surface for the renderer (the GPU worker itself is started by URL).
export { probeWebGpu } from './probeWebGpu';
export { pageCpu, pageCpuReady, pageWorkerPool, setPageCpuThreads, defaultPageThreads, type PageCpu } from './pageCpu';
