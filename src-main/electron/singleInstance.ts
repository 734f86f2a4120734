// One copy of the app at a time: a second launch hands its file to the first, which comes to front.
import { fileFromArgv, openableFile, type OpenableFile } from './fileArguments';

/** The parts of Electron's `app` this needs. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], cwd: string) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
}

export interface InstanceHandlers {
  /** Bring the existing window to front (restore it when minimized). */
  focus(): void;
  open(file: OpenableFile): void;
}

/** False (and the app quits) when another copy runs; that copy gets this one's file. */
export function claimSingleInstance(app: InstanceApp, handlers: InstanceHandlers): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, cwd) => {
    handlers.focus();
    const file = fileFromArgv(argv, cwd);
    if (file) handlers.open(file);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    const file = openableFile(path, '/');
    if (file) handlers.open(file);
  });
  return true;
}
