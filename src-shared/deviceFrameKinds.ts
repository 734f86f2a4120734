// The kinds of device-host frames, declared once and free of zod, so the hidden engine window's
// sandboxed preload can check envelopes without bundling the schemas (deviceRelay.ts builds on these).
export const HOST_TO_APP_KINDS = ['attach', 'relay', 'exit'] as const;
export const APP_TO_HOST_KINDS = ['open', 'relay', 'close'] as const;
