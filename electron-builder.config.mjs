// Installers: AppImage and deb (Linux), dmg (macOS), nsis (Windows). `npm run dist` builds the
// app (electron-vite) and then these; electron-builder rebuilds better-sqlite3 for Electron's ABI.
import { readFileSync } from 'node:fs';

/** The Linux desktop entry lives in resources/ as a real .desktop file; electron-builder adds Exec and Icon. */
function desktopEntry(path) {
  const entry = {};
  for (const line of readFileSync(new URL(path, import.meta.url), 'utf8').split('\n')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match) entry[match[1]] = match[2];
  }
  return entry;
}

export const fileAssociations = [
  // Windows matches on the last extension only (.json), so it cannot claim *.layerlab.json; macOS and Linux can.
  { ext: 'layerlab.json', name: 'LayerLab project', role: 'Editor', mimeType: 'application/x-layerlab-project', icon: 'icon' },
  // An ONNX model opens on the canvas with its weights as an imported run (docs/export.md).
  { ext: 'onnx', name: 'ONNX model', role: 'Editor', mimeType: 'application/x-onnx', icon: 'icon' },
];

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'org.layerlab.desktop',
  productName: 'LayerLab',
  executableName: 'layerlab',
  copyright: 'Copyright © LayerLab contributors',
  directories: { output: 'dist', buildResources: 'resources' },
  // Only the built app and the runtime dependencies; sources, tests and benches stay out.
  // Renderer libraries (React, React Flow, ECharts, zustand, dagre) are bundled into out/renderer, so
  // they are devDependencies; `dependencies` are what the main process and engine load at run time.
  files: [
    'out/**/*',
    'package.json',
    '!**/*.map',
    // Serve mode's engine bundle: the desktop app's engine entry is part of out/main.
    '!out/engine{,/**}',
    '!{tests,bench,docs,examples,scripts,resources,dist}/**',
    '!src-*/**',
    // better-sqlite3 ships its C sources and build leftovers; the app needs only the compiled module.
    '!node_modules/better-sqlite3/{deps,src,docs,benchmark}/**',
    '!node_modules/better-sqlite3/build/Release/{obj,obj.target,.deps,test_extension.node}{,/**}',
    '!node_modules/better-sqlite3/build/{deps,Makefile,*.mk,config.gypi}{,/**}',
  ],
  asar: true,
  // A native module cannot be loaded from inside the asar archive.
  asarUnpack: ['node_modules/better-sqlite3/**/*.node'],
  npmRebuild: true,
  fileAssociations,
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icons',
    category: 'Education',
    maintainer: 'LayerLab contributors <layerlab@users.noreply.github.com>',
    desktop: { entry: desktopEntry('./resources/linux/layerlab.desktop') },
  },
  mac: { target: ['dmg'], icon: 'resources/icon.icns', category: 'public.app-category.education' },
  // Per-machine installs are what NSIS needs to register file associations.
  win: { target: ['nsis'], icon: 'resources/icon.ico' },
  nsis: { oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true },
};
