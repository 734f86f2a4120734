// The desktop app's one window onto the file system besides the API: the native path of a file
// the user dropped on the page (Electron's webUtils.getPathForFile, exposed by the preload).

/** The global the preload exposes it under (beside `window.layerlab`). */
export const DROPPED_FILES_GLOBAL = 'layerlabFiles';

/** `F` is the DOM's File where there is a DOM (this folder has none). */
export interface DroppedFiles<F> {
  /** The dropped file's path on this computer; null for a file that has none (dragged from a web page). */
  pathForFile(file: F): string | null;
}
