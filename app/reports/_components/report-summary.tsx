'use client';
/** The period's totals, one block per currency: amounts in two currencies are never added together. */
import { useT } from '@/client/i18n/provider';
import { Money } from '@/components/portfolio-summary';
import panel from '@/components/portfolio-panel.module.css';
import type { YearTotalsAnswer } from '@/client/api/reports';
import type { Catalog } from '@/lib/i18n/messages/en';
import { TOTAL_AMOUNTS, totalsByCurrency } from './report-totals';
import type { TotalAmount } from './report-totals';
import styles from './reports.module.css';

const LABEL_KEYS = {
  proceeds: 'totalProceeds',
  costBasis: 'totalCostBasis',
  gain: 'totalGain',
  shortTermGain: 'totalShortTermGain',
  longTermGain: 'totalLongTermGain',
  income: 'totalIncome',
} as const satisfies Record<TotalAmount, keyof Catalog['reports']>;

// Gains carry their sign and its colour; the other amounts are plain.
const SIGNED = new Set<TotalAmount>(['gain', 'shortTermGain', 'longTermGain']);

/** A `<dl>` per currency, headed by its currency when there are several. */
export function ReportSummary({ years }: { years: readonly YearTotalsAnswer[] }) {
  const t = useT('reports');
  const totals = totalsByCurrency(years);
  return (
    <div className={styles.summaries}>
      {totals.map((total) => (
        <div key={total.currency}>
          {totals.length > 1 && (
            <h3 className={styles.summaryTitle}>{t('totalsIn', { currency: total.currency })}</h3>
          )}
          <dl className={styles.figures}>
            {TOTAL_AMOUNTS.map((key) => (
              <div
                key={key}
                className={`${panel.figure} ${styles.tile} ${key === 'gain' ? styles.main : ''}`}
              >
                <dt>{t(LABEL_KEYS[key])}</dt>
                <dd>
                  <Money value={total[key]} quote={total.currency} signed={SIGNED.has(key)} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
