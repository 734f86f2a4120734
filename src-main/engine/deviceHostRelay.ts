// The app's end of one device host's connection, whatever carries it (serve mode's WebSocket,
// Electron IPC from the engine window): validates each frame, attaches the host once, passes
// worker messages and exits on, and detaches the host when the connection ends.
import { describeFrameError, hostToAppSchema, type AppToHost } from '../../src-shared/deviceRelay';
import type { AttachedHost, DeviceHosts } from './deviceHosts';

export interface DeviceHostRelay {
  /** A frame from the host; returns the reason it was refused, or null. */
  receive(value: unknown): string | null;
  /** The connection ended: the host's runs fail with `reason`. */
  close(reason: string): void;
}

export function createDeviceHostRelay(devices: DeviceHosts, label: string, send: (frame: AppToHost) => void): DeviceHostRelay {
  let host: AttachedHost | null = null;
  let closed = false;
  return {
    receive(value) {
      if (closed) return 'this device host has been closed';
      const parsed = hostToAppSchema.safeParse(value);
      if (!parsed.success) return describeFrameError(parsed.error);
      const frame = parsed.data;
      if (frame.kind === 'attach') {
        if (host) return 'this page is already attached as a device host';
        host = devices.attach(label, frame.probe, send);
        return null;
      }
      if (!host) return 'attach as a device host before relaying messages';
      if (frame.kind === 'relay') host.receive(frame.runId, frame.message);
      else host.exited(frame.runId, frame.reason);
      return null;
    },
    close(reason) {
      closed = true;
      host?.detach(reason);
    },
  };
}
