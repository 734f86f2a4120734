// Settings keys that more than one side reads or writes (the renderer, and Electron's main process
// when the OS hands it a project file to open).

/** The project the renderer reopens at start. */
export const LAST_PROJECT_KEY = 'lastProject';
