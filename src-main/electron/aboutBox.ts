// Help › About: the versions a bug report needs and where the app keeps its data.

export interface AboutFacts {
  appVersion: string;
  /** `process.versions` of the main process. */
  versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>;
  platform: string;
  arch: string;
  dataFolder: string;
}

export function aboutText(f: AboutFacts): { message: string; detail: string } {
  const v = (name: string, value: string | undefined) => `${name}: ${value ?? 'unknown'}`;
  return {
    message: `LayerLab ${f.appVersion}`,
    detail: [
      'Build, train and compare neural networks visually.',
      '',
      v('Electron', f.versions.electron),
      v('Chromium', f.versions.chrome),
      v('Node.js', f.versions.node),
      v('V8', f.versions.v8),
      v('OS', `${f.platform} ${f.arch}`),
      '',
      `Data folder: ${f.dataFolder}`,
    ].join('\n'),
  };
}

export const ABOUT_BUTTONS = ['OK', 'Copy', 'Reveal Data Folder'] as const;
