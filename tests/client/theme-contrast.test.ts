import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyTheme, readTheme, THEME_KEY, THEME_SCRIPT } from '../../client/theme';

// Both themes' colours as the stylesheet declares them, held to WCAG 2.1 AA: 4.5:1 for text (the prices' up and
// down colours included, which also carry an arrow or a sign) on every surface they are drawn on.
const css = readFileSync('app/globals.css', 'utf8');

function tokens(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  if (start < 0) throw new Error(`no ${selector} in globals.css`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/--([a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]),
  );
}

const channel = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new Error(`${hex} is not a #rrggbb colour`);
  const n = parseInt(match[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => channel(c / 255)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const THEMES = { dark: tokens(':root {'), light: tokens(":root[data-theme='light'] {") };
const TEXT = [
  'text',
  'muted',
  'faint',
  'up',
  'down',
  'warn',
  'accent',
  'danger-text',
  'info-text',
  'success-text',
  'warn-text',
];
const SURFACES = ['bg', 'panel', 'panel-2'];

describe('themes', () => {
  for (const [name, theme] of Object.entries(THEMES)) {
    it(`the ${name} theme's text colours meet AA contrast on every surface`, () => {
      const failing: string[] = [];
      for (const fg of TEXT)
        for (const bg of SURFACES) {
          const ratio = contrast(theme[fg] as string, theme[bg] as string);
          if (ratio < 4.5) failing.push(`--${fg} on --${bg}: ${ratio.toFixed(2)}`);
        }
      const onAccent = contrast(theme['on-accent'] as string, theme.accent as string);
      if (onAccent < 4.5) failing.push(`--on-accent on --accent: ${onAccent.toFixed(2)}`);
      expect(failing).toEqual([]);
    });
  }

  it('every colour of the dark theme has its light counterpart', () => {
    expect(Object.keys(THEMES.light).sort()).toEqual(
      Object.keys(THEMES.dark)
        .filter((k) => k !== 'radius' && k !== 'font')
        .sort(),
    );
  });

  it('a choice is kept and set on <html>; "system" sets the system’s; anything else reads as system', () => {
    const kept = new Map<string, string>();
    const storage = {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
    };
    const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
    applyTheme(storage, 'light', root, false);
    expect(root.dataset.theme).toBe('light');
    expect(readTheme(storage)).toBe('light');
    applyTheme(storage, 'system', root, false);
    expect(root.dataset.theme).toBe('dark');
    expect(readTheme(storage)).toBe('system');
    applyTheme(storage, 'system', root, true);
    expect(root.dataset.theme).toBe('light');
    kept.set(THEME_KEY, 'purple');
    expect(readTheme(storage)).toBe('system');
    // The head script reads the same key.
    expect(THEME_SCRIPT).toContain(JSON.stringify(THEME_KEY));
  });
});
