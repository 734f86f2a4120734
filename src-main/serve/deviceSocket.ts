// Serve mode's device hosting: the app page attaches over its (already authenticated) API socket
// and runs GPU engine workers for the server. Frames are binary (binaryMessage.ts) and validated
// (deviceRelay.ts); a malformed one is answered with an error and changes nothing. Messages over
// the socket's 16 MB frame limit (big checkpoints) arrive in chunks, joined here (binaryMessage.ts).
// API requests too big for one text frame (a large project being saved) arrive the same way, as
// `{kind: 'request', request}`, and are handed back to the API.
import type { RawData } from 'ws';
import { createChunkAssembler, decodeBinaryMessage, encodeBinaryMessage } from '../../src-shared/binaryMessage';
import { MAX_REQUEST_BYTES } from '../../src-shared/requestLimits';
import type { DeviceHosts } from '../engine/deviceHosts';
import { createDeviceHostRelay } from '../engine/deviceHostRelay';

export const PAGE_CLOSED = 'the page that trained this run on the GPU was closed or lost its connection to the server';

export interface DeviceSocket {
  /** A binary frame from the page; returns an error to answer with, or null. */
  receive(data: RawData): string | null;
  /** The socket closed: the page's runs end. */
  close(): void;
}

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** A binary message that carries an API request rather than a device frame. */
function apiRequestIn(value: unknown): { request: unknown } | null {
  const v = value as { kind?: unknown; request?: unknown } | null;
  return v && typeof v === 'object' && v.kind === 'request' ? { request: v.request } : null;
}

export function deviceSocket(
  devices: DeviceHosts,
  sendBinary: (frame: ArrayBuffer) => void,
  onRequest: (request: unknown) => void = () => undefined,
): DeviceSocket {
  const relay = createDeviceHostRelay(devices, 'browser page', (frame) => sendBinary(encodeBinaryMessage(frame)));
  const chunks = createChunkAssembler();
  return {
    receive(data) {
      let value: unknown;
      try {
        const whole = chunks.accept(bytesOf(data));
        if (!whole) return null;
        // The JSON part is bounded like any request; only the floats may be bigger (checkpoints).
        value = decodeBinaryMessage(whole, MAX_REQUEST_BYTES);
      } catch (e) {
        return `a device-host frame could not be read: ${(e as Error).message}`;
      }
      const api = apiRequestIn(value);
      if (api) {
        onRequest(api.request);
        return null;
      }
      return relay.receive(value);
    },
    close: () => relay.close(PAGE_CLOSED),
  };
}
