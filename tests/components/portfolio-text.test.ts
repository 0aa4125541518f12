/**
 * The portfolio namespace's sentences that pick a plural form: English keeps the words it always had, German
 * gets its own forms. (The components themselves import through the `@/` alias, which these tests do not resolve.)
 */
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../support/i18n';

const tEn = translatorFor('portfolio');
const tDe = translatorFor('portfolio', 'de');

describe('portfolio messages in English and German', () => {
  it('names one unpriced asset "it" and several "them", as the panel always did', () => {
    expect(tEn('unpricedNote', { count: 1, assets: 'SOL', quote: 'USDT' })).toBe(
      'The totals leave out SOL: no USDT price for it (see below).',
    );
    expect(tEn('unpricedNote', { count: 2, assets: 'SOL, ADA', quote: 'USDT' })).toBe(
      'The totals leave out SOL, ADA: no USDT price for them (see below).',
    );
    expect(tDe('unpricedNote', { count: 1, assets: 'SOL', quote: 'USDT' })).toBe(
      'Die Summen lassen SOL aus: kein Kurs in USDT dafür (siehe unten).',
    );
    expect(tDe('unpricedNote', { count: 2, assets: 'SOL, ADA', quote: 'USDT' })).toBe(
      'Die Summen lassen SOL, ADA aus: keine Kurse in USDT dafür (siehe unten).',
    );
  });

  it('counts the assets put together in the contributions, with a German singular', () => {
    expect(tEn('contributionMore', { count: 1 })).toBe('1 more');
    expect(tEn('contributionMore', { count: 3 })).toBe('3 more');
    expect(tDe('contributionMore', { count: 1 })).toBe('1 weiteres');
    expect(tDe('contributionMore', { count: 3 })).toBe('3 weitere');
  });

  it('puts the recording interval where each language wants it', () => {
    expect(tEn('recordedEvery', { every: tEn('everyFewMinutes') })).toBe(
      'The value is recorded every few minutes; the line appears after the first one.',
    );
    expect(tDe('recordedEvery', { every: tDe('everyFewMinutes') })).toBe(
      'Der Wert wird alle paar Minuten erfasst; die Linie erscheint nach dem ersten Wert.',
    );
  });
});
