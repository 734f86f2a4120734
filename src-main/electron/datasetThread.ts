// The desktop app's dataset loader for GPU runs: electron-vite bundles the loader's worker thread
// (`?nodeWorker`), so loading MNIST for the engine window never pauses the main process.
import startDatasetWorker from '../engine/deviceHostDatasetWorker?nodeWorker';
import { threadDatasetLoader } from '../engine/deviceHostDataset';
import type { GraphDatasetLoader } from '../engine/deviceHostEngine';

export function bundledDatasetLoader(): GraphDatasetLoader {
  return threadDatasetLoader(() => startDatasetWorker({}));
}
