// Engine process entry for Node hosts: a worker thread (worker_threads) or a forked child process.
// Same protocol either way; see src-shared/engineProtocol.ts. Started as a spare (WARM_UP_FLAG),
// it warms up (warmUp.ts) before it says `ready`.
import { parentPort } from 'node:worker_threads';
import { createEngineSession } from './runJob/session';
import { warmUpEngine } from './warmUp';
import { WARM_UP_FLAG } from './warmUpFlag';
import { lowerOwnSession, trainBelowNormalPriority } from './backgroundPriority';
import type { EngineToHost } from '../../../src-shared/engineProtocol';

/** Listens at once, but hands messages to the session only after the warm-up (a spare's), in order, then says `ready`. */
function serve(send: (message: EngineToHost) => void, listen: (listener: (message: unknown) => void) => void): void {
  let lowered = false;
  const post = (message: EngineToHost): void => {
    // The first epoch answers the click on Train; from here on the run gives way to the page.
    if (!lowered && message.type === 'event' && message.event.event === 'epoch') {
      lowered = true;
      lowerOwnSession();
    }
    send(message);
  };
  const session = createEngineSession(post);
  let early: unknown[] | null = [];
  listen((message) => {
    if (early) early.push(message);
    else session.receive(message);
  });
  void warmUpIfSpare().then(() => {
    const held = early ?? [];
    early = null;
    post({ type: 'ready' });
    for (const message of held) session.receive(message);
  });
}

/** A failed warm-up leaves a cold engine, which still works. */
async function warmUpIfSpare(): Promise<void> {
  if (!process.argv.includes(WARM_UP_FLAG)) return;
  try {
    await warmUpEngine();
  } catch (e) {
    process.stderr.write(`engine warm-up skipped: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

function start(): void {
  trainBelowNormalPriority();
  if (parentPort) {
    const port = parentPort;
    serve(
      (message) => port.postMessage(message),
      (listener) => port.on('message', listener),
    );
    return;
  }
  if (process.send) {
    // The host closing the channel (or dying) ends this process, so no engine outlives its app.
    process.on('disconnect', () => process.exit(0));
    serve(
      (message) => {
        // The channel is gone when the host died; nothing is left to tell.
        if (process.connected) process.send!(message);
      },
      (listener) => process.on('message', listener),
    );
    return;
  }
  process.stderr.write('runWorker must be started as a worker thread or a forked child process\n');
  process.exitCode = 2;
}

start();
