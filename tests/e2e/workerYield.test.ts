// The trainer's yield between steps in a browser worker (no setImmediate there: the MessageChannel
// path of src-engine/train/yieldToHost.ts). A Stop posted by the page while a step runs must be
// seen when the step yields, as in Node (tests/engine/yieldToHost.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, startSession, type AppSession } from './harness';

let s: AppSession;

beforeAll(async () => {
  s = await startSession();
});

afterAll(async () => {
  await s?.close();
});

/** yieldToHost.ts as a script that defines `exports.makeYieldToHost`. */
function yieldSource(): string {
  const source = readFileSync(join(REPO, 'src-engine', 'train', 'yieldToHost.ts'), 'utf8');
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

/**
 * In a worker: five times, announce a step, block until the page has posted "stop" (a shared flag
 * the page raises after posting), yield once, and report whether the stop was seen.
 */
const WORKER_TEST = `
const exports = {};
__YIELD__
const yieldOnce = exports.makeYieldToHost(self);
let stopped = false;
self.onmessage = (e) => {
  if (e.data === 'stop') stopped = true;
  else run(new Int32Array(e.data));
};
async function run(flag) {
  const seen = [];
  for (let i = 0; i < 5; i++) {
    await yieldOnce(); // steps run in the continuation of the previous yield
    stopped = false;
    Atomics.store(flag, 0, 0);
    self.postMessage('stepping');
    Atomics.wait(flag, 0, 0); // the step: this thread is busy until the page has posted "stop"
    await yieldOnce();
    seen.push(stopped);
  }
  self.postMessage({ seen, hasSetImmediate: typeof setImmediate === 'function' });
}`;

describe('yielding between steps in a browser worker', () => {
  it('sees a Stop posted during the step at the next yield', async () => {
    const script = WORKER_TEST.replace('__YIELD__', () => yieldSource());
    const result = await s.page.evaluate(
      (code) =>
        new Promise<{ seen: boolean[]; hasSetImmediate: boolean }>((resolve) => {
          const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
          const flag = new Int32Array(new SharedArrayBuffer(4));
          worker.onmessage = (e: MessageEvent) => {
            if (e.data !== 'stepping') return resolve(e.data as { seen: boolean[]; hasSetImmediate: boolean });
            worker.postMessage('stop');
            Atomics.store(flag, 0, 1);
            Atomics.notify(flag, 0);
          };
          worker.postMessage(flag.buffer);
        }),
      script,
    );
    expect(result.hasSetImmediate).toBe(false);
    expect(result.seen).toEqual([true, true, true, true, true]);
  });
});
