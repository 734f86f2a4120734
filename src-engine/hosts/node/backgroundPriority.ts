// An engine the app starts trains below normal priority. On a machine with few cores the window
// that draws the run (the renderer's main, raster and compositor threads) then comes first, and the
// training still takes every cycle the window leaves, so alone on the machine it is as fast as
// before. Linux sets the priority per thread: this runs on the engine's own thread before it starts
// its kernel helper threads, which inherit it. Elsewhere it applies to the whole process, which is
// the engine's own (a child process, an Electron utility process).
import { constants, setPriority } from 'node:os';

export const ENGINE_PRIORITY = constants.priority.PRIORITY_BELOW_NORMAL;

/** Lowers the calling thread's (on Linux) or process's priority; false where the OS refused. */
export function trainBelowNormalPriority(): boolean {
  try {
    setPriority(ENGINE_PRIORITY);
    return true;
  } catch {
    // A sandbox may refuse it; training at normal priority still works.
    return false;
  }
}
