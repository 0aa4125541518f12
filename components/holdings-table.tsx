'use client';
/** The holdings as a table: one row per open position at its live price, then those the totals leave out and why. */
import { describeStream, exchangeName, MISSING } from '@/client/format';
import type { UnpricedHolding, UnpricedReason } from '@/client/api/portfolio';
import type { LiveHolding } from '@/client/live-portfolio';
import { Decimal } from '@/lib/portfolio/decimal';
import {
  formatChangePercent,
  formatMoney,
  formatQuantity,
  formatShare,
  formatSignedMoney,
  formatUnitPrice,
  tone,
} from './portfolio-format';
import styles from './portfolio-panel.module.css';
import table from './ticker-table.module.css';

// The numeric columns; true: one that gives way on a phone.
const COLUMNS: ReadonlyArray<readonly [string, boolean]> = [
  ['Quantity', false],
  ['Price', false],
  ['Value', false],
  ['Cost basis', true],
  ['Unrealized P&L', false],
  ['Allocation', false],
];

/** A real `<table>` in the watchlist's look; amounts are in `quote` (the caption says so), except an unpriced asset's own. */
export function HoldingsTable({
  holdings,
  unpriced,
  quote,
  account,
  onPriceOn,
}: {
  holdings: readonly LiveHolding[];
  unpriced: readonly UnpricedHolding[];
  quote: string;
  /** The account whose holdings these are; undefined for all accounts. */
  account?: string | undefined;
  /** The user picked the exchange an asset is priced on. */
  onPriceOn?: (asset: string, exchange: string) => void;
}) {
  return (
    <div className={table.scroller}>
      <table className={table.table}>
        <caption className="sr-only">
          Holdings{account === undefined ? '' : ` in ${account}`}, valued in {quote} at live prices.
        </caption>
        <thead>
          <tr>
            <th scope="col" className={table.text}>
              Asset
            </th>
            {COLUMNS.map(([name, optional]) => (
              <th key={name} scope="col" className={optional ? `${table.num} ${table.md}` : table.num}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {holdings.map((h) => (
            <tr key={h.asset}>
              <th scope="row" className={table.symbolCell}>
                {h.asset}
                {h.stale && (
                  <span
                    className={`${table.flag} ${table.warn}`}
                    title="This price is not known to be current."
                  >
                    Stale
                  </span>
                )}
                <Venue holding={h} onPick={onPriceOn} />
              </th>
              <td className={table.num}>{formatQuantity(h.quantity)}</td>
              <td className={table.num}>{formatUnitPrice(h.price, quote)}</td>
              <td className={`${table.num} ${styles.strong}`}>{formatMoney(h.marketValue, quote)}</td>
              {h.costUnknown ? (
                <CostUnknown />
              ) : (
                <>
                  <td className={`${table.num} ${table.md}`}>{formatMoney(h.costBasis, quote)}</td>
                  <td className={`${table.num} ${table[tone(h.unrealizedPnl)]}`}>
                    {formatSignedMoney(h.unrealizedPnl, quote)}
                    <span className={table.sub}>{formatChangePercent(h.unrealizedPnlPercent)}</span>
                  </td>
                </>
              )}
              <td className={table.num}>{formatShare(h.allocation)}</td>
            </tr>
          ))}
          {unpriced.map((u) => (
            <tr key={u.asset} className={table.muted}>
              <th scope="row" className={table.symbolCell}>
                {u.asset}
              </th>
              <td className={table.num}>{formatQuantity(u.quantity)}</td>
              <td colSpan={2}>{reasonText(u.reason, u.quoteCurrency, quote)}</td>
              <td className={`${table.num} ${table.md}`}>
                {u.costUnknown ? (
                  <span className={`${table.flag} ${table.warn}`}>Cost unknown</span>
                ) : (
                  <>
                    {formatMoney(new Decimal(u.costBasis), u.quoteCurrency)}
                    {u.quoteCurrency !== quote && ` ${u.quoteCurrency}`}
                  </>
                )}
              </td>
              <td className={table.num}>{MISSING}</td>
              <td className={table.num}>{MISSING}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Cost basis and P&L of a holding that came (in part) from an opening balance nobody has priced (P9): shown as
 * unknown rather than as a cost of 0 and a gain of its whole value.
 */
function CostUnknown() {
  const why =
    'Part of this holding is an opening balance whose cost is not known. Edit it on the Transactions page to state its cost.';
  return (
    <>
      <td className={`${table.num} ${table.md}`} title={why}>
        <span className={`${table.flag} ${table.warn}`}>Cost unknown</span>
      </td>
      <td className={table.num} title={why}>
        {MISSING}
      </td>
    </>
  );
}

/** Where the asset is priced: a choice when several exchanges list it, else just the exchange's name. */
function Venue({
  holding,
  onPick,
}: {
  holding: LiveHolding;
  onPick: ((asset: string, exchange: string) => void) | undefined;
}) {
  const current = holding.stream ? describeStream(holding.stream).exchange : null;
  if (!current) return null;
  if (holding.venues.length < 2 || !onPick) {
    return <span className={table.sub}>{exchangeName(current)}</span>;
  }
  return (
    <select
      className={styles.venue}
      aria-label={`Price ${holding.asset} on`}
      value={current}
      onChange={(event) => onPick(holding.asset, event.currentTarget.value)}
    >
      {holding.venues.map((id) => (
        <option key={id} value={id}>
          {exchangeName(id)}
        </option>
      ))}
    </select>
  );
}

/** Why an asset has no value in the totals, in words. */
export function reasonText(reason: UnpricedReason, assetQuote: string, quote: string): string {
  switch (reason) {
    case 'no-price':
      return 'No price yet: waiting for the market';
    case 'invalid-price':
      return 'No valid price from the exchange';
    case 'other-quote-currency':
      return `Quoted in ${assetQuote}, not ${quote}`;
    case 'no-conversion':
      return `No market converts ${assetQuote} to ${quote} on the configured exchanges`;
    case 'no-rate':
      return `No price yet for converting ${assetQuote} to ${quote}`;
  }
}
