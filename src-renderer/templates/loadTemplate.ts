// Opens a template as a new, unsaved project.
import { openAsNewProject } from '../project/projectActions';
import { useUiStore } from '../ui/uiStore';
import { templateById } from './templates';

export async function loadTemplate(id: string): Promise<void> {
  const template = templateById(id);
  if (!template) return;
  if (await openAsNewProject(structuredClone(template.doc), `Opening the “${template.name}” template`)) {
    useUiStore.getState().toast(`Loaded “${template.name}”. Press Train to try it.`);
  }
}
