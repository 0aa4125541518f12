'use client';
/** The account panel's theme choice: the system's, light or dark, remembered in this browser. */
import { useSyncExternalStore } from 'react';
import { defaultStorage } from '@/client/socket/low-data-preference';
import { applyTheme, readTheme, subscribeTheme, THEMES } from '@/client/theme';
import type { Theme } from '@/client/theme';
import styles from './account-menu.module.css';

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemeSwitch() {
  // The server knows no saved theme: it renders "System", and the browser's choice follows after hydration.
  const theme = useSyncExternalStore(
    subscribeTheme,
    () => readTheme(defaultStorage()),
    () => 'system' as const,
  );
  const choose = (next: Theme) => applyTheme(defaultStorage(), next, document.documentElement);
  return (
    <div role="group" aria-label="Theme" className={styles.themes}>
      <span className={styles.themesLabel} aria-hidden="true">
        Theme
      </span>
      {THEMES.map((t) => (
        <button
          key={t}
          type="button"
          aria-pressed={theme === t}
          className={styles.theme}
          onClick={() => choose(t)}
        >
          {LABELS[t]}
        </button>
      ))}
    </div>
  );
}
