'use client';
/** The account panel's theme choice: the system's, light or dark, remembered in this browser. */
import { useSyncExternalStore } from 'react';
import { useT } from '@/client/i18n/provider';
import { defaultStorage } from '@/client/socket/low-data-preference';
import { applyTheme, readTheme, subscribeTheme, THEMES } from '@/client/theme';
import type { Theme } from '@/client/theme';
import type { Catalog } from '@/lib/i18n/messages/en';
import { PanelChoice } from './panel-choice';

const LABELS: Record<Theme, keyof Catalog['dashboard']> = {
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
};

export function ThemeSwitch() {
  const t = useT('dashboard');
  // The server knows no saved theme: it renders "System", and the browser's choice follows after hydration.
  const theme = useSyncExternalStore(
    subscribeTheme,
    () => readTheme(defaultStorage()),
    () => 'system' as const,
  );
  const choose = (next: Theme) => applyTheme(defaultStorage(), next, document.documentElement);
  return (
    <PanelChoice
      name={t('theme')}
      options={THEMES.map((value) => ({ value, label: t(LABELS[value]) }))}
      current={theme}
      onChoose={choose}
    />
  );
}
