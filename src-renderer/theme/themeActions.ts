// Light and dark themes: a class on <html> switches the CSS variables; the choice is remembered.
import { api } from '../app/api';
import { useUiStore, type Theme } from '../ui/uiStore';

export const THEME_KEY = 'theme';

export function applyTheme(theme: Theme): void {
  useUiStore.getState().setTheme(theme);
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

export function toggleTheme(): void {
  const next: Theme = useUiStore.getState().theme === 'dark' ? 'light' : 'dark';
  applyTheme(next);
  void api()
    .settings.set(THEME_KEY, next)
    .catch(() => undefined);
}

export async function restoreTheme(): Promise<void> {
  let saved: unknown = null;
  try {
    saved = await api().settings.get(THEME_KEY);
  } catch {
    // fall through to the system preference
  }
  const system = window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  applyTheme(saved === 'dark' || saved === 'light' ? saved : system);
}
