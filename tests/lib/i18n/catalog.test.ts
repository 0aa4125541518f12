import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../lib/i18n/catalogs';
import { SERVER_CATALOGS } from '../../../lib/i18n/server-catalogs';
import type { Message } from '../../../lib/i18n/translate';

const ROOT = join(__dirname, '..', '..', '..');
type Messages = Record<string, Record<string, Message>>;

// The pages' catalogs and the server's messages (L6) are held to the same rules.
const SETS = [
  { name: 'pages', catalogs: CATALOGS as unknown as Record<string, Messages> },
  { name: 'server', catalogs: SERVER_CATALOGS as unknown as Record<string, Messages> },
];

function forms(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message).filter((f) => f !== undefined);
}

function placeholders(message: Message): string[] {
  return [
    ...new Set(forms(message).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))),
  ].sort();
}

describe.each(SETS)('the message catalogs: $name', ({ catalogs }) => {
  const english = catalogs.en ?? {};
  for (const [language, messages] of Object.entries(catalogs)) {
    it(`[L4] ${language}: every English namespace and key, nothing else, no empty text`, () => {
      const keys = (c: Messages) =>
        Object.entries(c)
          .flatMap(([ns, m]) => Object.keys(m).map((k) => `${ns}.${k}`))
          .sort();
      expect(keys(messages)).toEqual(keys(english));
      for (const [ns, m] of Object.entries(messages))
        for (const [key, message] of Object.entries(m))
          for (const form of forms(message)) expect(form.trim(), `${language} ${ns}.${key}`).not.toBe('');
    });

    it(`[L4] ${language}: the same placeholders as English, plural messages with an "other" form`, () => {
      for (const [ns, m] of Object.entries(messages)) {
        for (const [key, message] of Object.entries(m)) {
          const source = english[ns]?.[key];
          if (source === undefined) continue;
          expect(placeholders(message), `${language} ${ns}.${key}`).toEqual(placeholders(source));
          expect(typeof message, `${language} ${ns}.${key} is plural in English`).toBe(typeof source);
          if (typeof message !== 'string') expect(message.other, `${language} ${ns}.${key}`).toBeTruthy();
        }
      }
    });
  }

  it('[L4] German: no sentence left in English (a text of several words equal to the English one)', () => {
    const german = catalogs.de ?? {};
    const untranslated: string[] = [];
    for (const [ns, m] of Object.entries(german)) {
      for (const [key, message] of Object.entries(m)) {
        const source = english[ns]?.[key];
        // Names, symbols and one-word loanwords (Portfolio, Staking, FIFO) are the same in both languages.
        const same = source !== undefined && forms(message).join('|') === forms(source).join('|');
        if (same && forms(message).some((f) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(f)))
          untranslated.push(`${ns}.${key}`);
      }
    }
    expect(untranslated).toEqual([]);
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('what a browser downloads', () => {
  it('[L5] no browser module imports a catalog: a page carries its one language, not the code of all', () => {
    const offenders: string[] = [];
    for (const dir of ['app', 'components', 'client']) {
      for (const file of sources(join(ROOT, dir))) {
        const text = readFileSync(file, 'utf8');
        const runtimeImport = /^import\s+(?!type\b)[^;]*from\s+'(@\/lib\/i18n\/(messages|catalogs)[^']*)'/m;
        // Server-only modules (the layout's request-locale) may; a 'use client' module and anything under
        // components/ or client/ (imported by them) may not.
        const browser = text.startsWith("'use client'") || !file.includes(`${join(ROOT, 'app')}`);
        if (browser && runtimeImport.test(text)) offenders.push(relative(ROOT, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});
