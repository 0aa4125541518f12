/**
 * Converting a portfolio into the user's currency through the markets that exist (the paths: conversion-path.ts).
 * Rates come from live last prices; none is ever assumed (not even USDT = USD).
 */
import type { ConversionPath } from './conversion-path';
import { Decimal } from './decimal';
import type { AssetHolding } from './holdings';

export { PORTFOLIO_CURRENCIES, findConversion } from './conversion-path';
export type { ConversionLeg, ConversionPath, MarketFinder, PortfolioCurrency } from './conversion-path';

/** How much of `to` one unit of `from` is worth at the given last prices; null when a leg has no usable price. */
export function conversionRate(
  path: ConversionPath,
  lastPrice: (stream: string) => number | null | undefined,
): Decimal | null {
  let rate = new Decimal(1);
  for (const { stream, inverse } of path.legs) {
    const last = lastPrice(stream);
    if (typeof last !== 'number' || !Number.isFinite(last) || last <= 0) return null;
    const price = new Decimal(String(last));
    rate = inverse ? rate.div(price) : rate.times(price);
  }
  // A rate needs no more digits than a price; an inverse would otherwise run to the full precision.
  return rate.toSignificantDigits(18);
}

/**
 * A holding's costs and P&L in another currency at one rate (today's): its quantity is unchanged, every amount
 * in its quote currency is multiplied by `rate`.
 */
export function convertHolding(holding: AssetHolding, rate: Decimal, to: string): AssetHolding {
  return {
    ...holding,
    quoteCurrency: to,
    costBasis: holding.costBasis.times(rate),
    realizedPnl: holding.realizedPnl.times(rate),
    withdrawnCost: holding.withdrawnCost.times(rate),
    lots: holding.lots.map((lot) => ({ ...lot, unitCost: lot.unitCost.times(rate) })),
  };
}
