// The window's one in-page inference session (the engine's, on the CPU kernels): the insight
// views, the sequence views and the labs all run their models through it.
import { InferenceSession } from '../../src-engine';

let session: InferenceSession | null = null;

export function inferenceSession(): InferenceSession {
  session ??= new InferenceSession();
  return session;
}
