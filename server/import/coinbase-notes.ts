/**
 * What Coinbase's Notes column says of a trade that its other columns do not (docs/imports.md): what a Buy or Sell
 * was paid in ("Bought 0.001 BTC for 45.12 USDC on BTC-USDC at 45,000.00 USDC/BTC") and what a Convert became
 * ("Converted 0.5 ETH to 0.0251 BTC").
 */
import type { Decimal } from '../../lib/portfolio/decimal';
import { decimal } from './cells';

const NUMBER = String.raw`(\d[\d,]*(?:\.\d+)?)`;
const CODE = String.raw`([A-Z0-9][A-Z0-9.-]*)`;
// The amount paid may carry a currency sign ("for $70.00 USD"); an Advanced Trade names its product and rate.
const TRADE = new RegExp(
  String.raw`^(?:Bought|Sold) ${NUMBER} ${CODE} for [^\d\s]{0,3}${NUMBER} ${CODE}(?: on ${CODE}-${CODE} at [^\d\s]{0,3}${NUMBER} \S+)?`,
);
const CONVERT = new RegExp(String.raw`^Converted ${NUMBER} ${CODE} to ${NUMBER} ${CODE}`);

/** A Buy's or Sell's counter-currency, the amount in it, and the rate where Coinbase gives one. */
export interface TradeNote {
  total: Decimal;
  currency: string;
  rate: Decimal | null;
}

/** The Notes of a Buy or Sell; null when they do not say what it was paid in. */
export function tradeNote(notes: string): TradeNote | null {
  const m = TRADE.exec(notes);
  const total = m ? decimal(m[3] ?? '') : null;
  if (!m || !total) return null;
  return { total, currency: m[4] ?? '', rate: m[7] === undefined ? null : decimal(m[7]) };
}

/** The Notes of a Convert: what it became; null when they do not say. */
export function convertNote(notes: string): { amount: Decimal; currency: string } | null {
  const m = CONVERT.exec(notes);
  const amount = m ? decimal(m[3] ?? '') : null;
  return m && amount ? { amount, currency: m[4] ?? '' } : null;
}
