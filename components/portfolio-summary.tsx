'use client';
/** The portfolio's headline figures: total value, 24 h change, unrealized and realized P&L. */
import type { UnpricedHolding } from '@/client/api/portfolio';
import type { LiveTotals } from '@/client/live-portfolio';
import type { Decimal } from '@/lib/portfolio/decimal';
import { formatChangePercent, formatMoney, formatSignedMoney, tone } from './portfolio-format';
import styles from './portfolio-panel.module.css';
import tones from './ticker-table.module.css';

/** An amount and its currency; `signed` for changes and P&L, which also take the colour of their direction. */
export function Money({ value, quote, signed = false }: { value: Decimal; quote: string; signed?: boolean }) {
  return (
    <span className={signed ? tones[tone(value)] : undefined}>
      {signed ? formatSignedMoney(value, quote) : formatMoney(value, quote)}{' '}
      <span className={styles.unit}>{quote}</span>
    </span>
  );
}

/** A `<dl>` of the totals; the 24 h change carries an arrow and a sign, never colour alone. */
export function PortfolioSummary({
  totals,
  quote,
  unpriced,
}: {
  totals: LiveTotals;
  quote: string;
  unpriced: readonly UnpricedHolding[];
}) {
  const change = tone(totals.change24h);
  return (
    <>
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>Total value</dt>
          <dd className={styles.total}>
            <Money value={totals.marketValue} quote={quote} />
          </dd>
        </div>
        <div className={styles.figure}>
          <dt>24h change</dt>
          <dd className={tones[change]}>
            {totals.change24h === null ? (
              <span className={tones.flat}>Waiting for prices…</span>
            ) : (
              <>
                {change !== 'flat' && (
                  <span aria-hidden="true" className={tones.arrow}>
                    {change === 'up' ? '▲' : '▼'}
                  </span>
                )}
                <Money value={totals.change24h} quote={quote} signed />{' '}
                <span className={styles.percent}>({formatChangePercent(totals.change24hPercent)})</span>
              </>
            )}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt>Unrealized P&amp;L</dt>
          <dd>
            <Money value={totals.unrealizedPnl} quote={quote} signed />{' '}
            <span className={`${styles.percent} ${tones[tone(totals.unrealizedPnl)]}`}>
              ({formatChangePercent(totals.unrealizedPnlPercent)})
            </span>
          </dd>
        </div>
        <div className={styles.figure}>
          <dt>Realized P&amp;L</dt>
          <dd>
            <Money value={totals.realizedPnl} quote={quote} signed />
          </dd>
        </div>
      </dl>
      {unpriced.length > 0 && (
        <p className={styles.note}>
          The totals leave out {unpriced.map((u) => u.asset).join(', ')}: no {quote} price for{' '}
          {unpriced.length === 1 ? 'it' : 'them'} (see below).
        </p>
      )}
    </>
  );
}
