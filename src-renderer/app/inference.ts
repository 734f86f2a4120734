// The window's one in-page inference session: the insight views, the sequence views and the labs
// all run their models through it, on the page's CPU backend: the fast WebAssembly kernels with
// helper Web Workers when the page is cross-origin isolated, else the plain JavaScript kernels.
import { InferenceSession } from '../../src-engine';
import { pageCpu, type PageCpu } from '../../src-engine/hosts/browser';

let session: InferenceSession | null = null;

export function inferenceSession(): InferenceSession {
  session ??= new InferenceSession(pageCpu().backend);
  return session;
}

/** Which kernels this window computes with, and why not the fast ones when it does not. */
export function inferenceBackend(): Readonly<PageCpu> {
  return pageCpu();
}

/** One line for the user: where this window's own computations run. */
export function describeInferenceBackend(): string {
  const cpu = pageCpu();
  if (cpu.fallbackReason) return `This window computes on the plain JavaScript kernels: ${cpu.fallbackReason}.`;
  return `This window computes on the fast CPU kernels (WebAssembly SIMD, ${cpu.threads} ${cpu.threads === 1 ? 'thread' : 'threads'}).`;
}
