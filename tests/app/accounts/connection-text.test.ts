import { describe, expect, it } from 'vitest';
import {
  agoText,
  ERROR_KEYS,
  freeName,
  progressText,
  resultText,
  STATE_KEYS,
  untilText,
} from '../../../app/accounts/_components/connection-text';
import { translatorFor } from '../../support/i18n';

const t = translatorFor('accounts');
const tDe = translatorFor('accounts', 'de');
const result = (added: number, adjustments: number) => ({ added, adjustments, at: 0 });

describe('connection text', () => {
  it('counts what a sync added, in the plural the count needs', () => {
    expect(resultText(t, result(538, 1))).toBe('538 added, 1 opening balance');
    expect(resultText(t, result(1_234, 2))).toBe('1,234 added, 2 opening balances');
    expect(resultText(t, result(0, 0))).toBe('nothing new');
    expect(resultText(tDe, result(1_234, 2))).toBe('1.234 hinzugefügt, 2 Anfangsbestände');
    expect(resultText(tDe, result(0, 1))).toBe('1 Anfangsbestand');
    expect(resultText(tDe, result(0, 0))).toBe('nichts Neues');
  });

  it('names a running sync’s step, with its count once it has one', () => {
    expect(progressText(t, null)).toBe('starting');
    expect(progressText(t, { step: 'trades', done: 3, total: 12 })).toBe('trades 3/12');
    expect(progressText(t, { step: 'balances', done: 0, total: 0 })).toBe('balances');
    expect(progressText(tDe, { step: 'deposits', done: 3, total: 1200 })).toBe('Einzahlungen 3/1200');
  });

  it('says how long ago and how long until, in the reader’s words and units', () => {
    expect(agoText(t, 5_000, 'en-US')).toBe('just now');
    expect(agoText(t, 120_000, 'en-US')).toBe('2 min ago');
    expect(untilText(t, 500, 'en-US')).toBe('due');
    expect(untilText(t, 14 * 60_000 + 59_000, 'en-US')).toBe('in 15 min');
    expect(agoText(tDe, 120_000, 'de-DE')).toBe('vor 2 Min.');
    expect(untilText(tDe, 500, 'de-DE')).toBe('fällig');
    expect(untilText(tDe, 30_000, 'de-DE')).toBe('in 30 Sek.');
  });

  it('has a badge for every state and a heading for every failure', () => {
    expect(t(STATE_KEYS.never)).toBe('Never synced');
    expect(tDe(STATE_KEYS.syncing)).toBe('Wird synchronisiert…');
    expect(t(ERROR_KEYS.CLOCK_SKEW)).toBe('The server’s clock is off');
    for (const key of [...Object.values(STATE_KEYS), ...Object.values(ERROR_KEYS)]) {
      expect(tDe(key)).not.toBe(`accounts.${key}`);
    }
  });

  it('offers a free default name', () => {
    expect(freeName('Kraken', ['kraken', 'Kraken 2'])).toBe('Kraken 3');
  });
});
