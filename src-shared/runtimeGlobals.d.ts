// The globals every runtime of LayerLab has (Node 22, Electron's main and utility processes, a
// page, a browser worker), declared by hand: tsconfig.shared.json and tsconfig.engine.json give
// the contract and the engine core neither DOM nor Node types, so anything beyond this list is a
// compile error, not a crash in one of the runtimes.

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare function structuredClone<T>(value: T): T;
declare function setTimeout(handler: (value?: unknown) => void, ms?: number): unknown;
declare const performance: { now(): number };
declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
}
/** Only constructed (src-shared/wsApiClient.ts types the socket it uses itself). */
declare const WebSocket: new (url: string) => unknown;

/** What the WebGPU types extend (GPUDevice is an EventTarget in browsers and Deno alike). */
interface Event {
  readonly type: string;
}
interface EventInit {
  bubbles?: boolean;
}
interface EventTarget {
  addEventListener(type: string, listener: (event: Event) => void): void;
}
