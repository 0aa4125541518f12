/**
 * The demo account's asset-dividend record: daily Simple Earn interest on USDT, weekly SOL staking rewards, one
 * airdrop and one voucher, as `GET /sapi/v1/asset/assetDividend` lists them. Drawn from a stream of their own, so
 * the trades and the moves are the same with or without them; they only ever credit, so nothing goes short.
 */
import { Decimal } from '../../../../lib/portfolio/decimal';
import type { Rng } from '../prng';
import type { AccountDividend } from './records';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Days of daily interest before the end: more than one page of the endpoint's default 20 rows, within 180 days. */
export const INTEREST_DAYS = 120;

/** Weeks of staking rewards before the end. */
export const STAKING_WEEKS = 24;

/** The one-off distributions, days before the end. */
const ONE_OFFS = [
  { daysAgo: 95.3, asset: 'OP', amount: '150', enInfo: 'OP Airdrop' },
  { daysAgo: 41.8, asset: 'USDT', amount: '5', enInfo: 'Cash Voucher' },
] as const;

const amountIn = (rng: Rng, low: number, high: number) =>
  new Decimal(low + (high - low) * rng()).toDecimalPlaces(8, Decimal.ROUND_DOWN).toFixed(8);

/** Draws the rows, oldest first, for the assets `held` (the wallet's coins); none dated after `end`. */
export function generateDividends(rng: Rng, end: number, held: ReadonlySet<string>): AccountDividend[] {
  const planned: Omit<AccountDividend, 'id' | 'tranId' | 'direction'>[] = [];
  const today = Math.floor(end / DAY) * DAY;
  // Interest is paid once a day, early in the UTC day, for the day before.
  for (let day = INTEREST_DAYS; day >= 1; day--) {
    const divTime = today - (day - 1) * DAY + Math.floor(rng() * 120) * MINUTE + Math.floor(rng() * 60_000);
    const amount = amountIn(rng, 0.25, 0.95);
    if (divTime < end)
      planned.push({ asset: 'USDT', amount, divTime, enInfo: 'Simple Earn Flexible Interest' });
  }
  for (let week = STAKING_WEEKS; week >= 1; week--) {
    const divTime = end - week * 7 * DAY + Math.floor(rng() * 180) * MINUTE;
    planned.push({
      asset: 'SOL',
      amount: amountIn(rng, 0.012, 0.03),
      divTime,
      enInfo: 'SOL Staking Rewards',
    });
  }
  for (const one of ONE_OFFS) {
    planned.push({
      asset: one.asset,
      amount: new Decimal(one.amount).toFixed(8),
      divTime: Math.round(end - one.daysAgo * DAY),
      enInfo: one.enInfo,
    });
  }
  planned.sort((a, b) => a.divTime - b.divTime);
  let id = 1_600_000_000 + Math.floor(rng() * 1e8);
  let tranId = 110_000_000_000 + Math.floor(rng() * 1e10);
  return planned
    .filter((row) => held.has(row.asset))
    .map((row) => {
      id += 1 + Math.floor(rng() * 50_000);
      tranId += 1 + Math.floor(rng() * 9_000_000);
      return { ...row, id, tranId, direction: 1 as const };
    });
}
