// One turn of the host's event loop between training steps, so pause, stop and step messages get
// in. setTimeout(0) is the obvious way but costs about 1 ms in Node and 4 ms in a browser once
// nested, every 50 ms: 2–8% of training. setImmediate (Node) and a MessageChannel message (every
// runtime) queue a task behind the messages already waiting, without the timer clamp.

type Schedule = (run: () => void) => void;

interface Port {
  onmessage: ((event: never) => void) | null;
  postMessage(message: unknown): void;
  /** Node only: a port with a listener otherwise keeps the process alive. */
  unref?: () => void;
}

/** What is used of the host; typed here because the engine core has neither DOM nor Node types. */
interface HostScheduling {
  setImmediate?: (run: () => void) => unknown;
  MessageChannel?: new () => { port1: Port; port2: Port };
}

/** A yield for the given host's scheduling functions (tests pass a host without setImmediate). */
export function makeYieldToHost(host: HostScheduling = globalThis as unknown as HostScheduling): () => Promise<void> {
  const schedule = scheduler(host);
  return () => new Promise<void>((resolve) => schedule(resolve));
}

function scheduler(host: HostScheduling): Schedule {
  const immediate = host.setImmediate;
  if (typeof immediate === 'function') return (run) => immediate(run);
  if (typeof host.MessageChannel === 'function') {
    // One channel for the realm; its queue of waiting callbacks is served one per message.
    const channel = new host.MessageChannel();
    const waiting: Array<() => void> = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    channel.port1.unref?.();
    return (run) => {
      waiting.push(run);
      channel.port2.postMessage(null);
    };
  }
  return (run) => setTimeout(run, 0);
}

/** The realm's yield. */
export const yieldToHost = makeYieldToHost();
