// Frames between the app and a "device host" (a page that runs GPU engine workers): the page
// attaches with its WebGPU probe, the app opens a worker per run, and messages are relayed
// both ways. Serve mode sends them as binary WebSocket frames (binaryMessage.ts); Electron's
// hidden engine window sends the same shapes over IPC. Both sides validate every frame.
import { z } from 'zod';
import type { APP_TO_HOST_KINDS, HOST_TO_APP_KINDS } from './deviceFrameKinds';

export const webGpuProbeSchema = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    vendor: z.string().max(200),
    architecture: z.string().max(200),
    description: z.string().max(500),
    fallback: z.boolean(),
  }),
  z.object({ available: z.literal(false), reason: z.string().max(1000) }),
]);
export type DeviceProbe = z.infer<typeof webGpuProbeSchema>;

const runId = z.string().min(1).max(100);
/** The worker protocol's messages are validated by their receiver (the worker, or the run manager). */
const message = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string',
  'expected a message with a type',
);

/** Page → app. */
export const hostToAppSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('attach'), probe: webGpuProbeSchema }),
  z.strictObject({ kind: z.literal('relay'), runId, message }),
  /** The run's worker died (an uncaught error, a crash): the run ends failed with `reason`. */
  z.strictObject({ kind: z.literal('exit'), runId, reason: z.string().max(2000) }),
]);
export type HostToApp = z.infer<typeof hostToAppSchema>;

/** App → page. */
export const appToHostSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('open'), runId }),
  z.strictObject({ kind: z.literal('relay'), runId, message }),
  z.strictObject({ kind: z.literal('close'), runId }),
]);
export type AppToHost = z.infer<typeof appToHostSchema>;

// The schemas' kinds and the zod-free lists the engine window's preload checks must be the same sets.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kindsAgree: [
  Same<HostToApp['kind'], (typeof HOST_TO_APP_KINDS)[number]>,
  Same<AppToHost['kind'], (typeof APP_TO_HOST_KINDS)[number]>,
] = [true, true];
void kindsAgree;

/** The first problem of a refused frame, in words. */
export function describeFrameError(error: z.ZodError): string {
  const issue = error.issues[0];
  return `a malformed device-host frame${issue ? ` (${issue.path.join('.') || 'frame'}: ${issue.message})` : ''}`;
}

/** An adapter in words: "google swiftshader (Subzero) — software adapter, correct but slow". */
export function describeAdapter(a: { vendor: string; architecture: string; description: string; fallback: boolean }): string {
  const name = [a.vendor, a.architecture].filter(Boolean).join(' ') || 'unnamed GPU adapter';
  const detail = a.description && !name.includes(a.description) ? ` (${a.description})` : '';
  return `${name}${detail}${a.fallback ? ' — software adapter, correct but slow' : ''}`;
}
