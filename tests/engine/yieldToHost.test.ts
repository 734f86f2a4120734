import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { makeYieldToHost, yieldToHost } from '../../src-engine/train/yieldToHost';

// A helper thread that answers each message with "stop" and then raises a shared flag, as a host
// delivers a Stop click to a training engine.
const flag = new Int32Array(new SharedArrayBuffer(4));
const host = new Worker(
  `const { parentPort, workerData } = require('node:worker_threads');
   parentPort.on('message', () => {
     parentPort.postMessage('stop');
     Atomics.store(workerData, 0, 1);
     Atomics.notify(workerData, 0);
   });`,
  { eval: true, workerData: flag },
);
afterAll(() => host.terminate());

/**
 * Whether a message already sent to this thread is seen by the end of one yield. The trainer's
 * steps run in the continuation of its previous yield, so this starts with one too.
 */
async function seenAfterOneYield(yieldOnce: () => Promise<void>): Promise<boolean> {
  await yieldOnce();
  let seen = false;
  host.once('message', () => (seen = true));
  Atomics.store(flag, 0, 0);
  host.postMessage('train');
  Atomics.wait(flag, 0, 0); // blocks this thread, as a training step does, until the reply is sent
  await yieldOnce();
  return seen;
}

describe('yieldToHost', () => {
  it("lets a message that arrived during a step in at the next yield (Node's setImmediate)", async () => {
    for (let i = 0; i < 5; i++) expect(await seenAfterOneYield(yieldToHost)).toBe(true);
  });

  it('serves concurrent yields in order through one MessageChannel where setImmediate is missing', async () => {
    // Pages and workers take this path; tests/e2e/workerYield.test.ts checks there that a Stop
    // gets in. (Node runs a port's callbacks back to back with their promise jobs: it uses setImmediate.)
    const yieldOnce = makeYieldToHost({ MessageChannel });
    const order: number[] = [];
    await Promise.all([0, 1, 2].map((i) => yieldOnce().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2]);
  });

  it('falls back to a timer on a host with neither', async () => {
    expect(await seenAfterOneYield(makeYieldToHost({}))).toBe(true);
  });
});
