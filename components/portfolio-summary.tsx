'use client';
/** The portfolio's headline figures: total value, 24 h change, unrealized and realized P&L. */
import type { UnpricedHolding } from '@/client/api/portfolio';
import type { LiveTotals } from '@/client/live-portfolio';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import type { Exact } from '@/client/exact';
import { formatChangePercent, formatMoney, formatSignedMoney, tone } from './portfolio-format';
import styles from './portfolio-panel.module.css';
import tones from './ticker-table.module.css';

/** An amount and its currency; `signed` for changes and P&L, which also take the colour of their direction. */
export function Money({ value, quote, signed = false }: { value: Exact; quote: string; signed?: boolean }) {
  const locale = useFormatLocale();
  return (
    <span className={signed ? tones[tone(value)] : undefined}>
      {signed ? formatSignedMoney(value, quote, locale) : formatMoney(value, quote, locale)}{' '}
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
  const t = useT('portfolio');
  const locale = useFormatLocale();
  const change = tone(totals.change24h);
  return (
    <>
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>{t('totalValue')}</dt>
          <dd className={styles.total}>
            <Money value={totals.marketValue} quote={quote} />
          </dd>
        </div>
        <div className={styles.figure}>
          <dt>{t('change24h')}</dt>
          <dd className={tones[change]}>
            {totals.change24h === null ? (
              <span className={tones.flat}>{t('waitingForPrices')}</span>
            ) : (
              <>
                {change !== 'flat' && (
                  <span aria-hidden="true" className={tones.arrow}>
                    {change === 'up' ? '▲' : '▼'}
                  </span>
                )}
                <Money value={totals.change24h} quote={quote} signed />{' '}
                <span className={styles.percent}>
                  ({formatChangePercent(totals.change24hPercent, locale)})
                </span>
              </>
            )}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt>{t('unrealizedPnl')}</dt>
          <dd>
            <Money value={totals.unrealizedPnl} quote={quote} signed />{' '}
            <span className={`${styles.percent} ${tones[tone(totals.unrealizedPnl)]}`}>
              ({formatChangePercent(totals.unrealizedPnlPercent, locale)})
            </span>
          </dd>
        </div>
        <div className={styles.figure}>
          <dt>{t('realizedPnl')}</dt>
          <dd>
            <Money value={totals.realizedPnl} quote={quote} signed />
          </dd>
        </div>
      </dl>
      {unpriced.length > 0 && (
        <p className={styles.note}>
          {t('unpricedNote', {
            count: unpriced.length,
            assets: unpriced.map((u) => u.asset).join(', '),
            quote,
          })}
        </p>
      )}
    </>
  );
}
