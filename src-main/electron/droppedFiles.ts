// The preload's narrow function for dropped files: given a File from a drop, its native path, so
// the Dataset panel imports it as the native Choose… dialog does. Nothing else of the file system.
import type { DroppedFiles } from '../../src-shared/droppedFiles';

export function droppedFiles(getPathForFile: (file: File) => string): DroppedFiles<unknown> {
  return {
    pathForFile(file: unknown) {
      // Checked here: the page may pass anything across the bridge (a File arrives as a Blob with a name).
      if (!(file instanceof Blob) || typeof (file as File).name !== 'string')
        throw new TypeError('pathForFile takes a File from a drop');
      const path = getPathForFile(file as File);
      // A file not read from the disk (dragged from a web page, made by a script) has the path ''.
      return typeof path === 'string' && path.length > 0 ? path : null;
    },
  };
}
