// Starts a TypeScript worker thread from source (tests and `npm run serve` run from .ts files):
// registers tsx's loader in this thread, then imports the entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
