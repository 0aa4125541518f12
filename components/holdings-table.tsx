'use client';
/** The holdings as a table: one row per open position at its live price, then those the totals leave out and why. */
import { describeStream, exchangeName, MISSING } from '@/client/format';
import type { UnpricedHolding, UnpricedReason } from '@/client/api/portfolio';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import type { LiveHolding } from '@/client/live-portfolio';
import type { Translate } from '@/lib/i18n/messages/en';
import { Exact } from '@/client/exact';
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

// The numeric columns' headings (keys); true: one that gives way on a phone.
const COLUMNS = [
  ['colQuantity', false],
  ['colPrice', false],
  ['colValue', false],
  ['colCostBasis', true],
  ['unrealizedPnl', false],
  ['allocation', false],
] as const satisfies ReadonlyArray<readonly [string, boolean]>;

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
  const t = useT('portfolio');
  const locale = useFormatLocale();
  return (
    <div className={table.scroller}>
      <table className={table.table}>
        <caption className="sr-only">
          {account === undefined
            ? t('holdingsCaption', { quote })
            : t('holdingsCaptionIn', { account, quote })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={table.text}>
              {t('colAsset')}
            </th>
            {COLUMNS.map(([name, optional]) => (
              <th key={name} scope="col" className={optional ? `${table.num} ${table.md}` : table.num}>
                {t(name)}
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
                  <span className={`${table.flag} ${table.warn}`} title={t('staleTitle')}>
                    {t('stale')}
                  </span>
                )}
                <Venue holding={h} onPick={onPriceOn} />
              </th>
              <td className={table.num}>{formatQuantity(h.quantity, locale)}</td>
              <td className={table.num}>{formatUnitPrice(h.price, quote, locale)}</td>
              <td className={`${table.num} ${styles.strong}`}>{formatMoney(h.marketValue, quote, locale)}</td>
              {h.costUnknown ? (
                <CostUnknown />
              ) : (
                <>
                  <td className={`${table.num} ${table.md}`}>{formatMoney(h.costBasis, quote, locale)}</td>
                  <td className={`${table.num} ${table[tone(h.unrealizedPnl)]}`}>
                    {formatSignedMoney(h.unrealizedPnl, quote, locale)}
                    <span className={table.sub}>{formatChangePercent(h.unrealizedPnlPercent, locale)}</span>
                  </td>
                </>
              )}
              <td className={table.num}>{formatShare(h.allocation, locale)}</td>
            </tr>
          ))}
          {unpriced.map((u) => (
            <tr key={u.asset} className={table.muted}>
              <th scope="row" className={table.symbolCell}>
                {u.asset}
              </th>
              <td className={table.num}>{formatQuantity(u.quantity, locale)}</td>
              <td colSpan={2}>{reasonText(u.reason, u.quoteCurrency, quote, t)}</td>
              <td className={`${table.num} ${table.md}`}>
                {u.costUnknown ? (
                  <span className={`${table.flag} ${table.warn}`}>{t('costUnknown')}</span>
                ) : (
                  <>
                    {formatMoney(new Exact(u.costBasis), u.quoteCurrency, locale)}
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
  const t = useT('portfolio');
  const why = t('costUnknownTitle');
  return (
    <>
      <td className={`${table.num} ${table.md}`} title={why}>
        <span className={`${table.flag} ${table.warn}`}>{t('costUnknown')}</span>
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
  const t = useT('portfolio');
  const current = holding.stream ? describeStream(holding.stream).exchange : null;
  if (!current) return null;
  if (holding.venues.length < 2 || !onPick) {
    return <span className={table.sub}>{exchangeName(current)}</span>;
  }
  return (
    <select
      className={styles.venue}
      aria-label={t('priceOnLabel', { asset: holding.asset })}
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
export function reasonText(
  reason: UnpricedReason,
  assetQuote: string,
  quote: string,
  t: Translate<'portfolio'>,
): string {
  switch (reason) {
    case 'no-price':
      return t('reasonNoPrice');
    case 'invalid-price':
      return t('reasonInvalidPrice');
    case 'other-quote-currency':
      return t('reasonOtherQuote', { assetQuote, quote });
    case 'no-conversion':
      return t('reasonNoConversion', { assetQuote, quote });
    case 'no-rate':
      return t('reasonNoRate', { assetQuote, quote });
  }
}
