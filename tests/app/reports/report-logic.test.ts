import { describe, expect, it } from 'vitest';
import type { TransactionRecord } from '../../../client/api/transactions';
import {
  choicesInSearch,
  defaultYear,
  reportYears,
  withDefaults,
} from '../../../app/reports/_components/report-choices';
import { periodPhrase, periodText, rowCount } from '../../../app/reports/_components/report-text';
import { totalsByCurrency } from '../../../app/reports/_components/report-totals';
import { translatorFor } from '../../support/i18n';

const t = translatorFor('reports');
const tDe = translatorFor('reports', 'de');

const NOW = Date.parse('2026-03-10T12:00:00Z');

function record(
  type: TransactionRecord['type'],
  time: string,
  fee = '0',
  feeCurrency = 'USDT',
): TransactionRecord {
  return {
    id: time,
    account: 'a1',
    type,
    asset: 'BTC',
    quantity: '1',
    price: '1',
    quoteCurrency: 'USDT',
    fee,
    feeCurrency,
    time,
    timeMs: Date.parse(time),
  };
}

describe('the report’s choices in the page’s address', () => {
  it('[P10] reads the parameters the API takes', () => {
    expect(choicesInSearch('?year=2025&method=hifo&longTermDays=400')).toEqual({
      period: { year: 2025 },
      method: 'hifo',
      longTermDays: 400,
    });
    expect(choicesInSearch('from=2025-04-06&to=2026-04-05')).toEqual({
      period: { from: '2025-04-06', to: '2026-04-05' },
    });
  });

  it.each([
    ['a year that is not a number', 'year=abc'],
    ['a year out of range', 'year=1800'],
    ['from alone', 'from=2025-01-01'],
    ['a day not in the calendar', 'from=2025-02-30&to=2025-03-01'],
    ['an unknown method', 'method=newest'],
    ['a negative threshold', 'longTermDays=-1'],
    ['a threshold past ten years', 'longTermDays=3651'],
    ['a threshold with a fraction', 'longTermDays=1.5'],
  ])('leaves %s to the defaults', (_name, search) => {
    expect(choicesInSearch(search)).toEqual({});
    expect(withDefaults({ year: 2026 }, choicesInSearch(search))).toEqual({
      period: { year: 2026 },
      method: 'fifo',
      longTermDays: 365,
    });
  });
});

describe('the years offered and the one opened', () => {
  it('offers every year with a transaction and the current one, newest first, in UTC', () => {
    const history = [
      record('buy', '2023-12-31T23:30:00Z'),
      record('buy', '2024-01-01T00:30:00+02:00'),
      record('sell', '2024-05-01T00:00:00Z'),
    ];
    expect(reportYears(history, NOW)).toEqual([2026, 2024, 2023]);
    expect(reportYears([], NOW)).toEqual([2026]);
  });

  it('opens on the last complete year when something was disposed of in it, else on the current year', () => {
    const bought = [record('buy', '2025-01-05T00:00:00Z'), record('staking', '2025-02-05T00:00:00Z')];
    expect(defaultYear(bought, NOW)).toBe(2026);
    expect(defaultYear([...bought, record('sell', '2025-12-31T23:59:00Z')], NOW)).toBe(2025);
    // A transfer disposes of the fee it pays in the asset; one paid in another currency realizes nothing.
    expect(defaultYear([...bought, record('transfer', '2025-06-01T00:00:00Z', '0.001', 'BTC')], NOW)).toBe(
      2025,
    );
    expect(defaultYear([...bought, record('transfer', '2025-06-01T00:00:00Z', '1', 'USDT')], NOW)).toBe(2026);
    expect(defaultYear([record('sell', '2024-06-01T00:00:00Z')], NOW)).toBe(2026);
  });
});

describe('the period in words', () => {
  const year = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };
  const range = { from: '2025-04-06T00:00:00.000Z', to: '2026-04-06T00:00:00.000Z' };

  it('names a calendar year by its number and a range by its first and last days', () => {
    expect([periodText(t, year), periodPhrase(t, year)]).toEqual(['2025', 'in 2025']);
    expect([periodText(t, range), periodPhrase(t, range)]).toEqual([
      '2025-04-06 to 2026-04-05',
      'from 2025-04-06 to 2026-04-05',
    ]);
  });

  it('says it in German too, the year never grouped as a number', () => {
    expect([periodText(tDe, year), periodPhrase(tDe, year)]).toEqual(['2025', 'im Jahr 2025']);
    expect([periodText(tDe, range), periodPhrase(tDe, range)]).toEqual([
      '2025-04-06 bis 2026-04-05',
      'vom 2025-04-06 bis 2026-04-05',
    ]);
  });
});

describe('the pager’s count of rows', () => {
  it('counts the rows, singular for one, and the page’s share of them', () => {
    expect(rowCount(t, 'line', 1)).toBe('1 line');
    expect(rowCount(t, 'line', 1312)).toBe('1,312 lines');
    expect(rowCount(t, 'receipt', 0)).toBe('0 receipts');
    expect(rowCount(t, 'line', 1312, { first: 1001, last: 1100 })).toBe('1001–1100 of 1,312 lines');
  });

  it('counts in German with its own plurals and separators', () => {
    expect(rowCount(tDe, 'line', 1)).toBe('1 Zeile');
    expect(rowCount(tDe, 'receipt', 1)).toBe('1 Eingang');
    expect(rowCount(tDe, 'receipt', 312, { first: 101, last: 200 })).toBe('101–200 von 312 Eingängen');
    expect(rowCount(tDe, 'line', 1312)).toBe('1.312 Zeilen');
  });
});

describe('the totals of a period', () => {
  const year = (y: number, currency: string, gain: string) => ({
    year: y,
    currency,
    proceeds: '100',
    costBasis: '60',
    gain,
    shortTermGain: gain,
    longTermGain: '0',
    income: '0.1',
  });

  it('[P10] adds the years of a range up per currency, never across currencies', () => {
    const totals = totalsByCurrency([
      year(2025, 'USDT', '40'),
      year(2025, 'EUR', '-1.5'),
      year(2026, 'USDT', '0.25'),
    ]);
    expect(
      totals.map((t) => [t.currency, t.proceeds.toFixed(), t.gain.toFixed(), t.income.toFixed()]),
    ).toEqual([
      ['EUR', '100', '-1.5', '0.1'],
      ['USDT', '200', '40.25', '0.2'],
    ]);
  });
});
