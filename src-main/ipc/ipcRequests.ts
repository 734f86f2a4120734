// The Electron IPC side of the API, without Electron: which frames may call, and the reply
// envelope. src-main/electron/ipc.ts registers these for every channel of the table.
import type { IpcReply } from '../../src-shared/apiSchemas';
import type { Dispatch } from '../services/dispatcher';
import { errorMessage } from '../services/dispatcher';

export interface SenderFrame {
  /** The frame's URL, or null when the frame is gone. */
  url: string | null;
  /** Whether it is the top frame of one of our windows (never an iframe or another window). */
  isAppMainFrame: boolean;
}

/**
 * Only our own page may call: the app's `app://layerlab/` pages, the dev server's origin, or a
 * packaged index.html (file:). Scheme and host are compared, not URL.origin, which is "null"
 * for every custom scheme.
 */
export function createSenderCheck(appUrl: string): (frame: SenderFrame) => boolean {
  const app = new URL(appUrl);
  const site = (u: URL): string => `${u.protocol}//${u.host}`;
  return (frame) => {
    if (!frame.isAppMainFrame || !frame.url) return false;
    let url: URL;
    try {
      url = new URL(frame.url);
    } catch {
      return false;
    }
    if (app.protocol === 'file:') return url.protocol === 'file:' && url.pathname === app.pathname;
    return site(url) === site(app);
  };
}

export async function answerIpc(dispatch: Dispatch, trusted: boolean, channel: string, args: unknown): Promise<IpcReply> {
  if (!trusted) return { ok: false, error: 'request refused: it did not come from the LayerLab window' };
  try {
    return { ok: true, result: await dispatch(channel, args) };
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}
