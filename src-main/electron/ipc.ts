// Registers one IPC handler per channel of the table; each checks the sender frame, validates
// the payload (in the dispatcher) and answers with a plain { ok, result | error } envelope.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_CHANNELS } from '../../src-shared/contract';
import { answerIpc, type SenderFrame } from '../ipc/ipcRequests';
import type { Dispatch } from '../services/dispatcher';

function senderFrame(event: IpcMainInvokeEvent, isAppWindow: (w: BrowserWindow) => boolean): SenderFrame {
  const frame = event.senderFrame;
  const window = BrowserWindow.fromWebContents(event.sender);
  return {
    url: frame ? frame.url : null,
    isAppMainFrame: !!frame && !!window && isAppWindow(window) && frame === event.sender.mainFrame,
  };
}

export function registerIpc(
  dispatch: Dispatch,
  isTrusted: (frame: SenderFrame) => boolean,
  isAppWindow: (w: BrowserWindow) => boolean,
): void {
  for (const channel of Object.keys(API_CHANNELS)) {
    ipcMain.handle(channel, (event, args: unknown) =>
      answerIpc(dispatch, isTrusted(senderFrame(event, isAppWindow)), channel, args),
    );
  }
}
