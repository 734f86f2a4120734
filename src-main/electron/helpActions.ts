// The Help menu's actions in the desktop app: About, Reveal Data Folder, Reset App Data….
import { app, clipboard, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { ABOUT_BUTTONS, aboutText } from './aboutBox';
import { RESET_QUESTION, resetAppData } from './resetAppData';

export interface HelpActionsContext {
  window(): BrowserWindow | null;
  dbPath: string;
  closeServices(): void;
}

export function helpActions(ctx: HelpActionsContext): { about(): void; revealDataFolder(): void; resetAppData(): void } {
  const dataFolder = app.getPath('userData');
  const ask = (options: MessageBoxOptions) => {
    const w = ctx.window();
    return w ? dialog.showMessageBox(w, options) : dialog.showMessageBox(options);
  };
  const revealDataFolder = () => void shell.openPath(dataFolder);
  return {
    revealDataFolder,
    about() {
      const text = aboutText({
        appVersion: app.getVersion(),
        versions: process.versions,
        platform: process.platform,
        arch: process.arch,
        dataFolder,
      });
      void ask({ type: 'info', title: 'About LayerLab', ...text, buttons: [...ABOUT_BUTTONS], defaultId: 0, cancelId: 0 }).then(
        ({ response }) => {
          if (ABOUT_BUTTONS[response] === 'Copy') clipboard.writeText(`${text.message}\n${text.detail}`);
          if (ABOUT_BUTTONS[response] === 'Reveal Data Folder') revealDataFolder();
        },
      );
    },
    resetAppData() {
      void resetAppData(ctx.dbPath, {
        confirm: async () => (await ask({ type: 'warning', title: 'Reset App Data', ...RESET_QUESTION })).response === 1,
        closeServices: ctx.closeServices,
        relaunch: () => {
          app.relaunch();
          app.exit(0);
        },
      });
    },
  };
}
