import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../lib/portfolio/decimal';
import { valuePortfolio } from '../../../server/portfolio/valuation';
import type { PriceTable, Valuation } from '../../../server/portfolio/valuation';
import { buy, holdings, sell, text, tx } from '../../lib/portfolio/build';

const portfolio = holdings([
  buy('b1', '1', '10000', { day: 1 }),
  buy('b2', '1', '20000', { day: 2 }),
  sell('s1', '1.5', '30000', { day: 3 }), // FIFO: 0.5 BTC left at cost 10,000; realized 25,000
  tx('buy', 'e1', '10', '2000', { asset: 'ETH' }), // 10 ETH at cost 20,000
  tx('buy', 'a1', '100', '1', { asset: 'ADA' }), // 100 ADA at cost 100, never priced below
]);

function rows(valuation: Valuation): string[][] {
  return valuation.assets.map((a) => [
    a.asset,
    text(a.marketValue),
    text(a.unrealizedPnl),
    text(a.allocation),
    a.price ? text(a.price) : 'no price',
  ]);
}

describe('valuing holdings at current prices', () => {
  const valuation = valuePortfolio(portfolio, { BTC: '40000', ETH: new Decimal(3000) }, 'USDT');

  it('gives market value, unrealized P&L and allocation per asset', () => {
    // BTC 0.5 × 40,000 = 20,000, − 10,000 cost; ETH 10 × 3,000 = 30,000, − 20,000; shares of 50,000
    expect(rows(valuation)).toEqual([
      ['BTC', '20000', '10000', '0.4', '40000'],
      ['ETH', '30000', '10000', '0.6', '3000'],
    ]);
  });

  it('totals only the priced assets and says the totals are incomplete', () => {
    const { totals } = valuation;
    expect(
      [totals.marketValue, totals.costBasis, totals.unrealizedPnl, totals.realizedPnl].map(text),
    ).toEqual(['50000', '30000', '20000', '25000']);
    expect(valuation.complete).toBe(false);
    expect(valuation.unpriced.map((u) => [u.asset, u.reason, text(u.quantity), text(u.costBasis)])).toEqual([
      ['ADA', 'no-price', '100', '100'],
    ]);
  });

  it('is complete when every held asset has a price, from a Map as well', () => {
    const prices: PriceTable = new Map([
      ['ADA', '0.5'],
      ['BTC', '40000'],
      ['ETH', '3000'],
    ]);
    const full = valuePortfolio(portfolio, prices, 'USDT');
    expect(full.complete).toBe(true);
    expect(text(full.totals.unrealizedPnl)).toBe('19950'); // 20,000 − 50 on ADA
  });
});

describe('prices that are not used', () => {
  it.each([
    ['a negative string', '-5'],
    ['an exponent', '4e4'],
    ['a negative Decimal', new Decimal(-1)],
    ['NaN', new Decimal(NaN)],
    ['Infinity', new Decimal(Infinity)],
  ])('%s leaves the asset unpriced rather than guessing', (_what, price) => {
    const valuation = valuePortfolio(portfolio, { BTC: price, ETH: '3000' }, 'USDT');
    expect(valuation.unpriced.map((u) => [u.asset, u.reason])).toEqual([
      ['ADA', 'no-price'],
      ['BTC', 'invalid-price'],
    ]);
    expect(text(valuation.totals.marketValue)).toBe('30000');
  });

  it('an asset whose costs are in another currency is left out', () => {
    const eur = holdings([
      tx('buy', 'e1', '1', '1000', { asset: 'ETH', quoteCurrency: 'EUR' }),
      buy('b1', '1', '100'),
    ]);
    const valuation = valuePortfolio(eur, { BTC: '150', ETH: '2000' }, 'USDT');
    expect(valuation.unpriced.map((u) => [u.asset, u.reason, u.quoteCurrency])).toEqual([
      ['ETH', 'other-quote-currency', 'EUR'],
    ]);
    expect(text(valuation.totals.marketValue)).toBe('150');
  });

  it('inherited object keys are not prices', () => {
    const prices = Object.create({ BTC: '1' }) as Record<string, string>;
    expect(valuePortfolio(holdings([buy('b1', '1', '100')]), prices, 'USDT').unpriced[0]?.reason).toBe(
      'no-price',
    );
  });
});

it('values a closed position at 0 without needing its price', () => {
  const closed = holdings([buy('b1', '1', '100'), sell('s1', '1', '150')]);
  const valuation = valuePortfolio(closed, {}, 'USDT');
  expect(valuation.complete).toBe(true);
  expect(rows(valuation)).toEqual([['BTC', '0', '0', '0', 'no price']]);
  expect(text(valuation.totals.realizedPnl)).toBe('50');
});

it('gives every asset a 0 share when everything is worth 0', () => {
  const valuation = valuePortfolio(holdings([buy('b1', '1', '100')]), { BTC: '0' }, 'USDT');
  expect(rows(valuation)).toEqual([['BTC', '0', '-100', '0', '0']]);
});

it('rounds an allocation that does not divide evenly at 18 places', () => {
  const two = holdings([buy('b1', '4', '1'), tx('buy', 'e1', '3', '1', { asset: 'ETH' })]);
  const valuation = valuePortfolio(two, { BTC: '1', ETH: '1' }, 'USDT');
  // 4 / 7 and 3 / 7 of 7
  expect(valuation.assets.map((a) => text(a.allocation))).toEqual([
    '0.571428571428571429',
    '0.428571428571428571',
  ]);
});
