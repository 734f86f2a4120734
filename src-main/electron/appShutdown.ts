// Quitting the desktop app in the order that records runs truthfully: the services first, so
// active runs (GPU runs included) end `interrupted` as on any shutdown, then the engine window,
// whose closing would otherwise fail its runs as "the window ... was closed".
export interface ShutdownParts {
  services: { close(reason?: string): void } | null;
  gpuWindow: { close(): void } | null;
}

export const APP_CLOSED = 'LayerLab was closed during this run; the epochs recorded before are kept';

export function shutDownApp(parts: ShutdownParts, reason = APP_CLOSED): void {
  parts.services?.close(reason);
  parts.gpuWindow?.close();
}
