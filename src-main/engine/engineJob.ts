// Runs one short job (an evaluation, a gradient check) in a fresh engine process: sends the
// request once the engine is ready, resolves with the reply `pick` accepts, and always ends the
// process. Errors reach the user as plain sentences naming the job.
import { engineToHostSchema, type EngineToHost, type HostToEngine } from '../../src-shared/engineProtocol';
import { describeExit, type EngineSpawner } from './engineProcess';
import { UserError } from '../services/userError';

export function runEngineJob<T>(
  spawn: EngineSpawner,
  request: HostToEngine,
  pick: (message: EngineToHost) => T | undefined,
  what: string,
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const engine = spawn();
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      engine.kill();
      fn();
    };
    const timer = setTimeout(
      () => settle(() => reject(new UserError(`${what} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`))),
      timeoutMs,
    );
    engine.onMessage((raw) => {
      const parsed = engineToHostSchema.safeParse(raw);
      if (!parsed.success) return settle(() => reject(new UserError(`the engine sent a malformed reply to ${what}`)));
      const m = parsed.data;
      if (m.type === 'ready') return engine.send(request);
      if (m.type === 'failed') return settle(() => reject(new UserError(m.message)));
      const result = pick(m);
      if (result !== undefined) settle(() => resolve(result));
      else if (m.type === 'finished') settle(() => reject(new UserError(`the engine finished ${what} without an answer`)));
    });
    engine.onExit((exit) => settle(() => reject(new UserError(`the engine ended during ${what} (${describeExit(exit)})`))));
  });
}
