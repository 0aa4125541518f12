/**
 * The colour theme: the system's (the default), light or dark, kept in localStorage and set as `data-theme`
 * (`light` or `dark`) on <html>, which globals.css reads. The head script sets it before the first paint, so a
 * light page never flashes dark, and follows the system's preference while "system" is chosen; `applyTheme`
 * changes it afterwards.
 */
import type { PreferenceStorage } from './socket/low-data-preference';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The localStorage key of the theme. */
export const THEME_KEY = 'livefolio:theme';

export function readTheme(storage: PreferenceStorage | null): Theme {
  try {
    const value = storage?.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

const LIGHT_QUERY = '(prefers-color-scheme: light)';

// The page's own choices, told to what shows the choice; another tab's arrive as `storage` events.
const listeners = new Set<() => void>();

/** Calls `listener` when the saved theme changes, in this page or another; returns the unsubscribe. */
export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** Saves and applies the theme; where storage refuses it, it lasts for this page. */
export function applyTheme(
  storage: PreferenceStorage | null,
  theme: Theme,
  root: HTMLElement,
  systemLight = window.matchMedia(LIGHT_QUERY).matches,
): void {
  try {
    storage?.setItem(THEME_KEY, theme);
  } catch {
    // The page still shows the choice.
  }
  root.dataset.theme = theme === 'system' ? (systemLight ? 'light' : 'dark') : theme;
  for (const listener of listeners) listener();
}

/**
 * The script the layout puts in <head>: the theme on <html> before anything is drawn, the saved one or the
 * system's, and again whenever the system's preference changes while no theme is chosen.
 */
export const THEME_SCRIPT = `(function(){var k=${JSON.stringify(THEME_KEY)},m=window.matchMedia(${JSON.stringify(LIGHT_QUERY)});function set(){var t=null;try{t=localStorage.getItem(k)}catch(e){}document.documentElement.dataset.theme=t==='light'||t==='dark'?t:m.matches?'light':'dark'}set();m.addEventListener('change',set)})();`;
