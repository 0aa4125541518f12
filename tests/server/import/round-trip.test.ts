/**
 * Property (docs/imports.md): an exchange's trade history, imported, holds what the file adds up to (with the
 * opening balances it needs), and Livefolio's export of it imports back to the same holdings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO, formatDecimal } from '../../../lib/portfolio/decimal';
import type { Loose, Target } from '../../support/stack';
import { api, autoClose, send } from '../../support/stack';

const { start } = autoClose();
// Each run adds two accounts (a user has at most 50): no shrinking, which would run on past that; the failing
// case is reported as found.
const RUNS = { numRuns: 20, seed: Number(process.env.FC_SEED ?? 20_251_203), endOnFailure: true };

/** The markets a file trades in, each with a price range and its decimals on the simulated Binance. */
const MARKETS = [
  { base: 'BTC', quote: 'USDT', low: 20_000, high: 100_000, digits: 2 },
  { base: 'ETH', quote: 'USDT', low: 1_000, high: 5_000, digits: 2 },
  { base: 'ETH', quote: 'BTC', low: 0.01, high: 0.1, digits: 5 },
] as const;

interface Fill {
  market: (typeof MARKETS)[number];
  side: 'BUY' | 'SELL';
  price: Decimal;
  qty: Decimal;
  /** What the quote side moved, as the file states it: to 8 decimals. */
  amount: Decimal;
  fee: Decimal;
  feeAsset: string;
  timeMs: number;
}

const fill: fc.Arbitrary<Omit<Fill, 'timeMs'> & { gapSeconds: number }> = fc
  .record({
    market: fc.constantFrom(...MARKETS),
    side: fc.constantFrom('BUY' as const, 'SELL' as const),
    priceShare: fc.integer({ min: 0, max: 1000 }),
    qtyUnits: fc.integer({ min: 1, max: 200_000 }),
    feeSide: fc.constantFrom('base', 'quote', 'BNB'),
    feeUnits: fc.integer({ min: 0, max: 500 }),
    gapSeconds: fc.integer({ min: 1, max: 86_400 }),
  })
  .map(({ market, side, priceShare, qtyUnits, feeSide, feeUnits, gapSeconds }) => {
    const price = new Decimal(market.low + ((market.high - market.low) * priceShare) / 1000).toDecimalPlaces(
      market.digits,
    );
    const qty = new Decimal(qtyUnits).div(100_000);
    const feeAsset = feeSide === 'base' ? market.base : feeSide === 'quote' ? market.quote : 'BNB';
    // A fee is a small share of what the fill moved in that currency.
    const feeOf = feeSide === 'base' ? qty : feeSide === 'quote' ? qty.times(price) : new Decimal('0.01');
    const fee = feeOf.times(feeUnits).div(500_000).toDecimalPlaces(8, Decimal.ROUND_DOWN);
    const amount = qty.times(price).toDecimalPlaces(8);
    return { market, side, price, qty, amount, fee, feeAsset, gapSeconds };
  });

const fills = fc.array(fill, { minLength: 1, maxLength: 25 }).map((list) => {
  let timeMs = Date.parse('2025-01-02T00:00:00Z');
  return list.map(({ gapSeconds, ...f }): Fill => {
    timeMs += gapSeconds * 1000;
    return { ...f, timeMs };
  });
});

/** The file as Binance's export writes it: every cell quoted, amounts with their currency, newest first. */
function binanceFile(list: readonly Fill[]): string {
  const rows = [...list].reverse().map((f) => {
    const { base, quote } = f.market;
    const cells = [
      new Date(f.timeMs).toISOString().slice(0, 19).replace('T', ' '),
      base + quote,
      f.side,
      f.price.toFixed(),
      `${f.qty.toFixed(8)}${base}`,
      `${f.amount.toFixed(8)}${quote}`,
      `${f.fee.toFixed(8)}${f.feeAsset}`,
    ];
    return cells.map((c) => `"${c}"`).join(',');
  });
  return ['"Date(UTC)","Pair","Side","Price","Executed","Amount","Fee"', ...rows].join('\n');
}

/**
 * What the file adds up to, by hand: each fill moves its base and quote, a fee comes off what was received or out
 * of the quote paid or received, a BNB fee off BNB; an asset that ever goes below zero needs an opening balance
 * of its lowest point, so it ends at its net plus that.
 */
function expectedHoldings(list: readonly Fill[]): Map<string, string> {
  const held = new Map<string, Decimal>();
  const low = new Map<string, Decimal>();
  const move = (asset: string, by: Decimal) => {
    const now = (held.get(asset) ?? ZERO).plus(by);
    held.set(asset, now);
    low.set(asset, Decimal.min(low.get(asset) ?? ZERO, now));
  };
  for (const f of list) {
    const { base, quote } = f.market;
    const cost = f.amount;
    const sign = f.side === 'BUY' ? 1 : -1;
    // Coins arrive before they are spent within one fill; the order of the two legs does not move the low point.
    if (sign > 0) {
      move(base, f.qty);
      move(quote, cost.neg());
    } else {
      move(quote, cost);
      move(base, f.qty.neg());
    }
    if (!f.fee.isZero()) move(f.feeAsset, f.fee.neg());
  }
  const out = new Map<string, string>();
  for (const [asset, net] of held) {
    const end = net.minus(low.get(asset) ?? ZERO);
    if (!end.isZero()) out.set(asset, formatDecimal(end));
  }
  return out;
}

/** The account's holdings by asset, priced or not. */
async function holdingsOf(target: Target, account: string): Promise<Map<string, string>> {
  const { body } = await send(target, 'GET', `/api/v1/portfolio?account=${account}`);
  const rows = [...(body.assets as Loose[]), ...(body.unpriced as Loose[])];
  return new Map(
    rows.filter((r) => r.quantity !== '0').map((r) => [r.asset as string, r.quantity as string]),
  );
}

async function postCsv(target: Target, csv: string, query: string): Promise<Loose> {
  const res = await api(target, `/api/v1/transactions.csv${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
  const body = (await res.json()) as Loose;
  if (res.status !== 201) throw new Error(JSON.stringify(body));
  return body;
}

/** Livefolio's export, only the rows of one account, moved to another account by name. */
async function exportedAs(target: Target, from: string, to: string): Promise<string> {
  const text = await (await api(target, '/api/v1/transactions.csv')).text();
  const [header = '', ...rows] = text.trim().split('\n');
  const column = header.split(',').indexOf('account');
  const mine = rows.filter((r) => r.split(',')[column] === from);
  return [
    header,
    ...mine.map((r) =>
      r
        .split(',')
        .map((c, i) => (i === column ? to : c))
        .join(','),
    ),
  ].join('\n');
}

const accountId = async (target: Target, name: string) =>
  ((await send(target, 'GET', '/api/v1/accounts')).body.accounts as Loose[]).find((a) => a.name === name)
    ?.id as string;

describe('an exchange file and Livefolio’s export of it', () => {
  it('[P4] hold what the file adds up to, and the export imports back to the same holdings', async () => {
    const stack = await start();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fills, async (list) => {
        run += 1;
        const imported = await postCsv(
          stack,
          binanceFile(list),
          `?format=binance&account=${await newAccount(stack, `Run ${run}`)}`,
        );
        expect(imported.imported).toBe(list.length);
        const account = imported.account.id as string;
        const held = await holdingsOf(stack, account);
        expect(held).toEqual(expectedHoldings(list));

        await postCsv(stack, await exportedAs(stack, `Run ${run}`, `Copy ${run}`), '?format=livefolio');
        expect(await holdingsOf(stack, await accountId(stack, `Copy ${run}`))).toEqual(held);
      }),
      RUNS,
    );
  }, 300_000);
});

const newAccount = async (target: Target, name: string) => {
  const res = await send(target, 'POST', '/api/v1/accounts', { name });
  if (res.status !== 201) throw new Error(JSON.stringify(res));
  return res.body.account.id as string;
};
