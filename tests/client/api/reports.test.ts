import { afterEach, describe, expect, it, vi } from 'vitest';
import { addTransaction } from '../../../client/api/transactions';
import { fetchTaxReport, taxReportCsvUrl } from '../../../client/api/reports';
import type { ReportQuery } from '../../../client/api/reports';
import { browserFetch } from '../../support/browser-fetch';
import { autoClose } from '../../support/stack';

const { start } = autoClose();

const YEAR_2025: ReportQuery = { period: { year: 2025 }, method: 'fifo', longTermDays: 365 };

async function addHistory() {
  const base = { asset: 'BTC', quoteCurrency: 'USDT', fee: '0', feeCurrency: 'USDT' };
  const entries = [
    { type: 'buy', quantity: '1', price: '100', time: '2024-01-01T00:00:00Z' },
    { type: 'buy', quantity: '1', price: '200', time: '2025-02-01T00:00:00Z' },
    { type: 'staking', quantity: '0.1', price: '250', time: '2025-03-01T00:00:00Z' },
    { type: 'sell', quantity: '1.5', price: '300', time: '2025-06-01T00:00:00Z' },
  ] as const;
  for (const entry of entries) {
    const added = await addTransaction({ ...base, ...entry });
    if (!added.ok) throw new Error(added.message);
  }
}

describe('the browser’s tax report client', () => {
  it('[P10] reads the report of a year, of a range and under another method, and the server’s refusals', async () => {
    const stack = await start();
    browserFetch(stack);
    await addHistory();

    const year = await fetchTaxReport(YEAR_2025);
    if (!year.ok) throw new Error(year.message);
    expect(year.data).toMatchObject({ method: 'fifo', longTermDays: 365, from: '2025-01-01T00:00:00.000Z' });
    expect(year.data.gains.map((g) => [g.quantity, g.gain, g.term, g.disposedFrom.name])).toEqual([
      ['1', '200', 'long', 'Main'],
      ['0.5', '50', 'short', 'Main'],
    ]);
    expect(year.data.income.map((i) => [i.type, i.value, i.account.name])).toEqual([
      ['staking', '25', 'Main'],
    ]);
    expect(year.data.years).toEqual([expect.objectContaining({ year: 2025, currency: 'USDT', gain: '250' })]);

    const range = await fetchTaxReport({
      period: { from: '2025-06-01', to: '2025-06-01' },
      method: 'hifo',
      longTermDays: 0,
    });
    expect(range.ok && range.data.gains.map((g) => [g.quantity, g.costBasis, g.term])).toEqual([
      ['0.4', '40', 'long'],
      ['1', '200', 'long'],
      ['0.1', '25', 'long'],
    ]);
    expect(range.ok && range.data.income).toEqual([]);

    const backwards = await fetchTaxReport({
      ...YEAR_2025,
      period: { from: '2025-02-01', to: '2025-01-01' },
    });
    expect(backwards).toMatchObject({ ok: false, status: 400, message: 'to: must not be before from' });
  });

  it('[P10] links each CSV part with the same query', async () => {
    const stack = await start();
    browserFetch(stack);
    await addHistory();
    const url = taxReportCsvUrl({ ...YEAR_2025, method: 'lifo' }, 'income');
    expect(url).toBe('/api/v1/reports/tax.csv?year=2025&method=lifo&longTermDays=365&part=income');
    const res = await fetch(url, {});
    expect(res.headers.get('content-disposition')).toMatch(
      /livefolio-income-lifo-2025-01-01_2025-12-31\.csv/,
    );
    expect((await res.text()).split('\n')[0]).toBe('time,type,asset,quantity,value,currency,account');
  });
});

describe('the report’s answer, taken on no trust', () => {
  // A fetch that answers every request with `body` as JSON.
  const answering = (body: unknown) => vi.stubGlobal('fetch', () => Promise.resolve(Response.json(body)));
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const gain = {
    asset: 'BTC',
    currency: 'USDT',
    quantity: '1',
    acquiredAt: '2024-01-01T00:00:00.000Z',
    acquiredIn: { id: 'a1', name: 'Main' },
    acquiredBy: 't1',
    disposedAt: '2025-06-01T00:00:00.000Z',
    disposedFrom: { id: 'a1', name: 'Main' },
    disposedBy: 't2',
    proceeds: '300',
    costBasis: '100',
    gain: '200',
    heldDays: 517,
    term: 'long',
  };
  const income = {
    asset: 'BTC',
    currency: 'USDT',
    type: 'staking',
    time: '2025-03-01T00:00:00.000Z',
    account: { id: 'a1', name: 'Main' },
    quantity: '0.1',
    value: '25',
    transactionId: 't3',
  };
  const year = {
    year: 2025,
    currency: 'USDT',
    proceeds: '300',
    costBasis: '100',
    gain: '200',
    shortTermGain: '0',
    longTermGain: '200',
    income: '25',
  };
  const answer = {
    method: 'fifo',
    from: '2025-01-01T00:00:00.000Z',
    to: '2026-01-01T00:00:00.000Z',
    longTermDays: 365,
    notice: 'Not tax advice.',
    years: [year],
    gains: [gain],
    income: [income],
  };

  it('takes the answer the server sends', async () => {
    answering(answer);
    expect(await fetchTaxReport(YEAR_2025)).toEqual({ ok: true, data: answer });
  });

  it.each([
    ['an amount sent as a JSON number', { ...answer, gains: [{ ...gain, gain: 200 }] }],
    ['a gain without its account', { ...answer, gains: [{ ...gain, acquiredIn: null }] }],
    ['a term it does not know', { ...answer, gains: [{ ...gain, term: 'medium' }] }],
    ['an income type it does not know', { ...answer, income: [{ ...income, type: 'salary' }] }],
    ['a year total without income', { ...answer, years: [{ ...year, income: undefined }] }],
    ['a method it does not know', { ...answer, method: 'newest' }],
    ['no notice', { ...answer, notice: undefined }],
    ['no gains list', { ...answer, gains: undefined }],
    ['a page of HTML', '<html></html>'],
  ])('refuses %s', async (_name, body) => {
    answering(body);
    expect(await fetchTaxReport(YEAR_2025)).toMatchObject({ ok: false, code: 'BAD_ANSWER' });
  });
});
