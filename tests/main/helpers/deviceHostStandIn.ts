// A device host stand-in for tests: what a page does in serve mode (one browser engine session per
// run, messages relayed both ways), in Node. Every frame crosses the binary codec and the relay
// schemas, as on the WebSocket. Node has no navigator.gpu, so the real session trains on the CPU
// and says why; the probe announced at attach can claim an adapter so that the app picks this host.
import '../../../src-engine/ops';
import '../../../src-engine/layers';
import '../../../src-engine/losses';
import { createBrowserEngineSession, type BrowserEngineSession } from '../../../src-engine/hosts/browser/session';
import { decodeBinaryMessage, encodeBinaryMessage } from '../../../src-shared/binaryMessage';
import { appToHostSchema, hostToAppSchema, type DeviceProbe } from '../../../src-shared/deviceRelay';
import type { AttachedHost, DeviceHosts } from '../../../src-main/engine/deviceHosts';

export const STAND_IN_PROBE: DeviceProbe = {
  available: true,
  vendor: 'test',
  architecture: 'stand-in',
  description: '',
  fallback: true,
};

export interface StandInHost {
  host: AttachedHost;
  /** Runs whose worker is open on this host. */
  open(): string[];
  /** The page closes: its workers stop and the app is told. */
  close(reason: string): void;
}

const wire = (value: unknown): unknown => decodeBinaryMessage(encodeBinaryMessage(value));

export function attachStandIn(devices: DeviceHosts, probe: DeviceProbe = STAND_IN_PROBE): StandInHost {
  const sessions = new Map<string, BrowserEngineSession>();
  const toApp = (value: unknown): void => {
    // Asynchronous, as a real transport is.
    setTimeout(() => {
      const frame = hostToAppSchema.parse(wire(value));
      if (frame.kind === 'relay') host.receive(frame.runId, frame.message);
      else if (frame.kind === 'exit') host.exited(frame.runId, frame.reason);
    }, 0);
  };
  const host: AttachedHost = devices.attach('stand-in page', probe, (sent) => {
    const frame = appToHostSchema.parse(wire(sent));
    setTimeout(() => {
      if (frame.kind === 'open') {
        const session = createBrowserEngineSession(
          (message) => sessions.has(frame.runId) && toApp({ kind: 'relay', runId: frame.runId, message }),
          {},
        );
        sessions.set(frame.runId, session);
        toApp({ kind: 'relay', runId: frame.runId, message: { type: 'ready' } });
      } else if (frame.kind === 'relay') sessions.get(frame.runId)?.receive(frame.message);
      else {
        sessions.get(frame.runId)?.receive({ type: 'stop' });
        sessions.delete(frame.runId);
      }
    }, 0);
  });
  return {
    host,
    open: () => [...sessions.keys()],
    close(reason) {
      for (const session of sessions.values()) session.receive({ type: 'stop' });
      sessions.clear();
      host.detach(reason);
    },
  };
}
