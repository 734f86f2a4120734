// Types of electron-vite's import suffixes (`?modulePath`) and ELECTRON_RENDERER_URL.
/// <reference types="electron-vite/node" />
