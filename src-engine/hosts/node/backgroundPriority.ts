// An engine the app starts trains below normal priority. On a machine with few cores the window
// that draws the run (the renderer's main, raster and compositor threads) then comes first, and the
// training still takes every cycle the window leaves, so alone on the machine it is as fast as
// before. Linux sets the priority per thread: this runs on the engine's own thread before it starts
// its kernel helper threads, which inherit it. Elsewhere it applies to the whole process, which is
// the engine's own (a child process, an Electron utility process).
// Linux also shares the CPU between sessions first ("autogroups"), whatever the threads' nice
// values: a browser (its own session) and the server with its engines get half each. An engine
// child process therefore starts its own session (nodeSpawners.ts) and lowers that session's
// priority too, once its run's first epoch is out: the click on Train is answered at full speed,
// the rest of the run gives way to the page drawing it. A process that is not a session leader
// leaves its session alone (it is the app's).
import { readFileSync, writeFileSync } from 'node:fs';
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

/** Whether this process leads its own session (Linux: /proc/self/stat's session id is its pid). */
export function leadsOwnSession(): boolean {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const session = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3]);
    return session === process.pid;
  } catch {
    return false;
  }
}

/** Linux with autogroups: this engine's session (when it leads its own) gets ENGINE_PRIORITY's
 *  share against other sessions (the browser); false where there is none to lower. */
export function lowerOwnSession(): boolean {
  if (!leadsOwnSession()) return false;
  try {
    writeFileSync('/proc/self/autogroup', String(ENGINE_PRIORITY));
    return true;
  } catch {
    // No autogroups in this kernel, or not allowed: the thread's priority still holds within the session.
    return false;
  }
}
