import { describe, expect, it } from 'vitest';
import { accountPortfolio } from '../../client/account-portfolio';
import { revaluePortfolio } from '../../client/live-portfolio';
import { conversionRate } from '../../lib/portfolio/conversion';
import type { PortfolioAccountAnswer, PortfolioAnswer, PortfolioAsset } from '../../client/api/portfolio';

// What GET /api/v1/portfolio answered: 0.25 BTC (cost 15,255) and 2 ETH (cost 6,401.33), priced then at
// 60,000 and 3,000.
const ANSWER: PortfolioAnswer = {
  method: 'fifo',
  quoteCurrency: 'USDT',
  complete: true,
  totals: { marketValue: '21000', costBasis: '21656.33', unrealizedPnl: '-656.33', realizedPnl: '398.33' },
  assets: [
    {
      asset: 'BTC',
      quantity: '0.25',
      price: '60000',
      priceSource: { stream: 'binance:BTC/USDT', price: '60000', receivedAt: 1, stale: false },
      venues: ['binance'],
      conversion: null,
      marketValue: '15000',
      costBasis: '15255',
      unrealizedPnl: '-255',
      realizedPnl: '0',
      allocation: '0.714285714285714286',
    },
    {
      asset: 'ETH',
      quantity: '2',
      price: '3000',
      priceSource: { stream: 'binance:ETH/USDT', price: '3000', receivedAt: 1, stale: false },
      venues: ['binance'],
      conversion: null,
      marketValue: '6000',
      costBasis: '6401.33',
      unrealizedPnl: '-401.33',
      realizedPnl: '398.33',
      allocation: '0.285714285714285714',
    },
  ],
  unpriced: [],
  accounts: [],
};

describe('revaluePortfolio (the live numbers of the Portfolio panel)', () => {
  it('[P3] values each holding at the live last price, exactly, and sums the totals', () => {
    const live = revaluePortfolio(ANSWER, {
      'binance:BTC/USDT': { last: 67607.69, open: 68262.12 },
      'binance:ETH/USDT': { last: 3458.32, open: 3520.1 },
    });
    const [btc, eth] = live.holdings;
    // 0.25 × 67,607.69 = 16,901.9225; 2 × 3,458.32 = 6,916.64.
    expect(btc?.marketValue.toString()).toBe('16901.9225');
    expect(btc?.priceFrom).toBe('live');
    expect(eth?.marketValue.toString()).toBe('6916.64');
    expect(live.totals.marketValue.toString()).toBe('23818.5625');
    // Unrealized = value − cost basis: 23,818.5625 − 21,656.33.
    expect(live.totals.unrealizedPnl.toString()).toBe('2162.2325');
    expect(live.totals.realizedPnl.toString()).toBe('398.33');
    // 24 h: 0.25 × (67,607.69 − 68,262.12) + 2 × (3,458.32 − 3,520.1) = −163.6075 − 123.56.
    expect(live.totals.change24h?.toString()).toBe('-287.1675');
    expect(live.totals.change24hComplete).toBe(true);
    expect(btc?.allocation.plus(eth?.allocation ?? 0).toNumber()).toBeCloseTo(1, 15);
  });

  it('[P3] keeps the server price of a holding with no live tick yet, and says so', () => {
    const live = revaluePortfolio(ANSWER, { 'binance:BTC/USDT': { last: 61000, open: null } });
    const eth = live.holdings.find((h) => h.asset === 'ETH');
    expect(eth?.priceFrom).toBe('server');
    expect(eth?.marketValue.toString()).toBe('6000');
    expect(live.totals.marketValue.toString()).toBe('21250');
    // Without an open price the 24 h change leaves the asset out and says it is incomplete.
    expect(live.totals.change24hComplete).toBe(false);
  });

  it('[P5] converts at the live rate: price, value, cost and P&L follow the conversion market too', () => {
    // The same BTC holding valued in EUR: the server used EUR/USDT 1.25 (0.8 EUR per USDT).
    const btc = ANSWER.assets[0] as PortfolioAsset;
    const inEur: PortfolioAnswer = {
      ...ANSWER,
      quoteCurrency: 'EUR',
      assets: [
        {
          ...btc,
          price: '48000',
          costBasis: '12204',
          realizedPnl: '0',
          conversion: {
            from: 'USDT',
            to: 'EUR',
            rate: '0.8',
            legs: [{ stream: 'binance:EUR/USDT', inverse: true }],
          },
        },
      ],
    };
    const live = revaluePortfolio(inEur, {
      'binance:BTC/USDT': { last: 62500, open: 60000 },
      'binance:EUR/USDT': { last: 1.25, open: 1.25 },
    });
    const [holding] = live.holdings;
    // 62,500 USDT × 0.8 = 50,000 EUR; 0.25 BTC = 12,500 EUR; cost 12,204 EUR at the same rate.
    expect(holding?.price?.toString()).toBe('50000');
    expect(live.totals.marketValue.toString()).toBe('12500');
    expect(live.totals.unrealizedPnl.toString()).toBe('296');
    // EUR/USDT moves to 1.28: 1 USDT = 0.78125 EUR, and the cost basis in EUR moves with it.
    const moved = revaluePortfolio(inEur, {
      'binance:BTC/USDT': { last: 62500, open: 60000 },
      'binance:EUR/USDT': { last: 1.28, open: 1.25 },
    });
    expect(moved.holdings[0]?.price?.toString()).toBe('48828.125');
    expect(moved.totals.costBasis.toString()).toBe('11917.96875');
  });
});

// The same portfolio kept in two accounts: Main holds 0.05 BTC and the 2 ETH, Ledger the 0.2 BTC moved there.
const TOTALS = { marketValue: '0', costBasis: '0', unrealizedPnl: '0', realizedPnl: '0' };
const account = (id: string, assets: PortfolioAccountAnswer['assets']): PortfolioAccountAnswer => ({
  id,
  name: id,
  kind: 'manual',
  complete: true,
  totals: TOTALS,
  assets,
  unpriced: [],
});
const amounts = (quantity: string, marketValue: string, costBasis: string, allocation: string) => ({
  quantity,
  marketValue,
  costBasis,
  unrealizedPnl: '0',
  realizedPnl: '0',
  allocation,
});
const IN_ACCOUNTS: PortfolioAnswer = {
  ...ANSWER,
  accounts: [
    account('main', [
      { asset: 'BTC', ...amounts('0.05', '3000', '3051', '0.333333333333333333') },
      { asset: 'ETH', ...amounts('2', '6000', '6401.33', '0.666666666666666667') },
    ]),
    account('ledger', [{ asset: 'BTC', ...amounts('0.2', '12000', '12204', '1') }]),
  ],
};

describe('accountPortfolio (one account in the Portfolio panel)', () => {
  it("[P3] an account's holdings tick at the live prices of the total's markets", () => {
    const ledger = accountPortfolio(IN_ACCOUNTS, 'ledger');
    expect(ledger?.assets.map((a) => [a.asset, a.quantity, a.priceSource?.stream])).toEqual([
      ['BTC', '0.2', 'binance:BTC/USDT'],
    ]);
    const live = revaluePortfolio(ledger as PortfolioAnswer, {
      'binance:BTC/USDT': { last: 67607.69, open: 68262.12 },
    });
    // 0.2 × 67,607.69 = 13,521.538, all of the account; its cost basis is its own share of the lots.
    expect(live.totals.marketValue.toString()).toBe('13521.538');
    expect(live.totals.unrealizedPnl.toString()).toBe('1317.538');
    expect(live.holdings[0]?.allocation.toString()).toBe('1');
    expect(live.holdings[0]?.priceFrom).toBe('live');
  });

  it('[P3] the accounts add up to the total at the same live prices', () => {
    const quotes = {
      'binance:BTC/USDT': { last: 61000, open: 60000 },
      'binance:ETH/USDT': { last: 3100, open: 3000 },
    };
    const value = (answer: PortfolioAnswer | null) =>
      revaluePortfolio(answer as PortfolioAnswer, quotes).totals.marketValue;
    const main = value(accountPortfolio(IN_ACCOUNTS, 'main'));
    const ledger = value(accountPortfolio(IN_ACCOUNTS, 'ledger'));
    expect(main.plus(ledger).toString()).toBe(value(IN_ACCOUNTS).toString());
  });

  it("[P8] an account the answer does not hold is no view (a deleted or another user's account)", () => {
    expect(accountPortfolio(IN_ACCOUNTS, 'gone')).toBeNull();
  });
});

// A holding priced by its own market only, no conversion: the shape of the answers below.
const held = (asset: string, quantity: string, price: string): PortfolioAsset => ({
  asset,
  quantity,
  price,
  priceSource: { stream: `binance:${asset}/USDT`, price, receivedAt: 1, stale: false },
  venues: ['binance'],
  conversion: null,
  marketValue: '0',
  costBasis: '0',
  unrealizedPnl: '0',
  realizedPnl: '0',
  allocation: '0',
});
const holding = (assets: PortfolioAsset[]): PortfolioAnswer => ({ ...ANSWER, assets });

describe('revaluePortfolio in exact decimals (what the panel prints)', () => {
  it('[P3] a wei of a coin is valued in plain notation, never "5e-19"', () => {
    const live = revaluePortfolio(holding([held('ETH', '0.000000000000000001', '3000')]), {
      'binance:ETH/USDT': { last: 0.5, open: 0.25 },
    });
    expect(live.totals.marketValue.toString()).toBe('0.0000000000000000005');
    expect(live.totals.change24h?.toFixed()).toBe('0.00000000000000000025');
  });

  it('[P3] the total of many small holdings is their exact sum: 0.1 + 0.2 is 0.3', () => {
    const assets = [held('A', '1', '0.1'), held('B', '1', '0.2')];
    const live = revaluePortfolio(holding(assets), {});
    expect(live.totals.marketValue.toString()).toBe('0.3');
    const dust = Array.from({ length: 1000 }, (_, i) => held(`D${i}`, '0.000000000000000001', '1'));
    expect(revaluePortfolio(holding(dust), {}).totals.marketValue.toString()).toBe('0.000000000000001');
  });

  it("[P3] a holding's share is rounded to 18 places half to even, as the server rounds it", () => {
    // 1 of 4e17 is 2.5e-18: even 2, not 3; 3 of 4e17 is 7.5e-18: even 8.
    const share = (value: string) =>
      revaluePortfolio(
        holding([held('A', value, '1'), held('B', (4n * 10n ** 17n - BigInt(value)).toString(), '1')]),
        {},
      ).holdings[0]?.allocation.toString();
    expect(share('1')).toBe('0.000000000000000002');
    expect(share('3')).toBe('0.000000000000000008');
  });

  it('[P5] a live conversion rate is the one the server would compute: 18 significant digits, half to even', () => {
    const btc = ANSWER.assets[0] as PortfolioAsset;
    const legs = [
      { stream: 'kraken:EUR/USD', inverse: false },
      { stream: 'binance:USDT/EUR', inverse: true },
    ];
    const path = { from: 'USDT', to: 'EUR', rate: '0.8', legs };
    const quotes = {
      'binance:BTC/USDT': { last: 62500, open: 60000 },
      'kraken:EUR/USD': { last: 1.0837, open: 1.08 },
      'binance:USDT/EUR': { last: 0.9231, open: 0.92 },
    };
    const live = revaluePortfolio({ ...ANSWER, assets: [{ ...btc, conversion: path }] }, quotes);
    const server = conversionRate(path, (stream) => quotes[stream as keyof typeof quotes].last);
    // 1.0837 ÷ 0.9231 = 1.173978983858736864911…, cut at 18 digits.
    expect(server?.toString()).toBe('1.17397898385873686');
    expect(live.holdings[0]?.price?.toString()).toBe(server?.times(62500).toString());
  });
});
