// The OS's own recent-documents lists: the Dock menu (macOS) and the taskbar jump list (Windows),
// kept in step with File › Open Recent.

/** The parts of Electron's `app` this needs. */
export interface RecentDocumentsApp {
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
  setJumpList?(categories: Array<{ type: 'recent' | 'tasks'; items?: Array<Record<string, unknown>> }>): unknown;
}

export function syncRecentDocuments(
  app: RecentDocumentsApp,
  platform: NodeJS.Platform,
  recent: readonly string[],
  executable: string,
): void {
  if (platform === 'linux') return; // no OS-wide list; File › Open Recent is the list
  app.clearRecentDocuments();
  // Oldest first, so the newest ends on top.
  for (const path of [...recent].reverse()) app.addRecentDocument(path);
  if (platform === 'win32') {
    app.setJumpList?.([
      { type: 'recent' },
      {
        type: 'tasks',
        items: [
          {
            type: 'task',
            title: 'New project',
            description: 'Open LayerLab with an empty canvas',
            program: executable,
            args: '--new',
            iconPath: executable,
            iconIndex: 0,
          },
        ],
      },
    ]);
  }
}
