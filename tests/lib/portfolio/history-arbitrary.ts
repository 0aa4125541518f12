/**
 * fast-check arbitraries of valid transaction histories over two portfolio accounts, with what an independent
 * bookkeeper expects of them: disposals and transfers only ever take a share of what their account holds at
 * their time, so every history can be booked.
 */
import fc from 'fast-check';
import { Decimal, ZERO, formatDecimal } from '../../../lib/portfolio/decimal';
import type { Transaction, TransactionType } from '../../../lib/portfolio/transaction';
import { tx } from './build';

/** The assets a history trades, all quoted in USDT. */
export const ASSETS = ['BTC', 'ETH'] as const;

/** The accounts a history books into; a transfer goes from one to the other. */
export const ACCOUNTS = ['main', 'cold'] as const;

/** What the bookkeeper expects of one asset, computed without any lot. */
export interface Expected {
  held: Decimal;
  /** Σ quantity × price of buys, deposits and income, plus their fees in USDT. */
  acquisitionCost: Decimal;
  /** Σ quantity × price of sells, minus their fees in USDT, plus fee × price of transfers' fees in the asset. */
  proceeds: Decimal;
}

/** A generated history and the bookkeeper's expectations per asset. */
export interface History {
  transactions: Transaction[];
  expected: Map<string, Expected>;
  /** Quantity held per account and asset, keyed "account:asset". */
  held: Map<string, Decimal>;
}

/** A decimal string of up to `maxUnits` units of 10^-scale, scale ≤ `maxScale` (so at most 18 places). */
export function decimalText(minUnits: bigint, maxUnits: bigint, maxScale: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.bigInt({ min: minUnits, max: maxUnits }), fc.integer({ min: 0, max: maxScale }))
    .map(([units, scale]) => formatDecimal(new Decimal(units.toString()).div(new Decimal(10).pow(scale))));
}

const step = fc.record({
  type: fc.constantFrom<TransactionType>(
    'buy',
    'deposit',
    'sell',
    'withdrawal',
    'transfer',
    'staking',
    'airdrop',
  ),
  asset: fc.constantFrom(...ASSETS),
  account: fc.constantFrom(...ACCOUNTS),
  amount: decimalText(1n, 10n ** 12n, 18),
  /** Percent of the holding a disposal takes. */
  share: fc.integer({ min: 1, max: 100 }),
  price: decimalText(0n, 10n ** 10n, 8),
  feeIn: fc.constantFrom('none', 'USDT', 'asset', 'BNB'),
  quoteFee: decimalText(0n, 10n ** 6n, 8),
  /** Per mille of the quantity paid as a fee in the asset: at most 10 %, so something is always left. */
  assetFeeShare: fc.integer({ min: 0, max: 100 }),
  /** Days since the previous transaction; 0 makes ties, which must keep their order. */
  days: fc.integer({ min: 0, max: 2 }),
});

const toWei = (value: Decimal) => value.toDecimalPlaces(18, Decimal.ROUND_DOWN);

/** Histories of up to 30 transactions; `types` limits which kinds occur. */
export function history(types?: readonly TransactionType[]): fc.Arbitrary<History> {
  const steps = fc
    .array(step, { maxLength: 30, size: 'max' })
    .map((all) => (types ? all.filter((s) => types.includes(s.type)) : all));
  return steps.map((all) => {
    const expected = new Map<string, Expected>(
      ASSETS.map((a) => [a, { held: ZERO, acquisitionCost: ZERO, proceeds: ZERO }]),
    );
    const held = new Map<string, Decimal>();
    const transactions: Transaction[] = [];
    let day = 0;
    for (const [index, s] of all.entries()) {
      day += s.days;
      const e = expected.get(s.asset) as Expected;
      const here = `${s.account}:${s.asset}`;
      const to = ACCOUNTS.find((a) => a !== s.account) as string;
      const there = `${to}:${s.asset}`;
      // Income is an acquisition at its market value, like a buy.
      const acquires = ['buy', 'deposit', 'staking', 'airdrop'].includes(s.type);
      const leaving = acquires
        ? new Decimal(s.amount)
        : toWei((held.get(here) ?? ZERO).times(s.share).div(100));
      if (leaving.isZero()) continue;
      const assetFee = s.feeIn === 'asset' ? toWei(leaving.times(s.assetFeeShare).div(1000)) : ZERO;
      // An acquisition's quantity includes its asset fee; a disposal's does not (the fee leaves on top).
      const quantity = acquires ? leaving : leaving.minus(assetFee);
      if (quantity.isZero()) continue;
      const fee = s.feeIn === 'asset' ? assetFee : s.feeIn === 'none' ? ZERO : new Decimal(s.quoteFee);
      const gross = quantity.times(s.price);
      const quoteFee = s.feeIn === 'USDT' ? fee : ZERO;
      if (acquires) {
        held.set(here, (held.get(here) ?? ZERO).plus(quantity).minus(assetFee));
        e.held = e.held.plus(quantity).minus(assetFee);
        e.acquisitionCost = e.acquisitionCost.plus(gross).plus(quoteFee);
      } else {
        held.set(here, (held.get(here) ?? ZERO).minus(leaving));
        if (s.type === 'transfer') {
          held.set(there, (held.get(there) ?? ZERO).plus(quantity));
          e.held = e.held.minus(assetFee);
          e.proceeds = e.proceeds.plus(assetFee.times(s.price));
        } else {
          e.held = e.held.minus(leaving);
          if (s.type === 'sell') e.proceeds = e.proceeds.plus(gross).minus(quoteFee);
        }
      }
      transactions.push(
        tx(s.type, `t${index}`, formatDecimal(quantity), s.price, {
          asset: s.asset,
          fee: formatDecimal(fee),
          feeCurrency: s.feeIn === 'asset' ? s.asset : s.feeIn === 'none' ? 'USDT' : s.feeIn,
          day,
          account: s.account,
          ...(s.type === 'transfer' ? { toAccount: to } : {}),
        }),
      );
    }
    return { transactions, expected, held };
  });
}

/** A current price per asset, as decimal strings. */
export const prices = fc.record({ BTC: decimalText(0n, 10n ** 12n, 8), ETH: decimalText(0n, 10n ** 12n, 8) });
