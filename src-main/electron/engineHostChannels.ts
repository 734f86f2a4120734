// IPC channels between the main process and the hidden engine window (frames of deviceRelay.ts).
export const ENGINE_HOST_CHANNELS = {
  /** Engine window → main: attach, worker messages, worker exits. */
  toApp: 'engine-host:to-app',
  /** Main → engine window: open, relay, close. */
  toHost: 'engine-host:to-host',
} as const;
