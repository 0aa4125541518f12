'use client';
/** The period's totals, one block per currency: amounts in two currencies are never added together. */
import { Money } from '@/components/portfolio-summary';
import panel from '@/components/portfolio-panel.module.css';
import type { YearTotalsAnswer } from '@/client/api/reports';
import { TOTAL_AMOUNTS, totalsByCurrency } from './report-totals';
import type { TotalAmount } from './report-totals';
import styles from './reports.module.css';

const LABELS: Record<TotalAmount, string> = {
  proceeds: 'Proceeds',
  costBasis: 'Cost basis',
  gain: 'Gain',
  shortTermGain: 'Short-term gain',
  longTermGain: 'Long-term gain',
  income: 'Income',
};

// Gains carry their sign and its colour; the other amounts are plain.
const SIGNED = new Set<TotalAmount>(['gain', 'shortTermGain', 'longTermGain']);

/** A `<dl>` per currency, headed by its currency when there are several. */
export function ReportSummary({ years }: { years: readonly YearTotalsAnswer[] }) {
  const totals = totalsByCurrency(years);
  return (
    <div className={styles.summaries}>
      {totals.map((t) => (
        <div key={t.currency}>
          {totals.length > 1 && <h3 className={styles.summaryTitle}>In {t.currency}</h3>}
          <dl className={styles.figures}>
            {TOTAL_AMOUNTS.map((key) => (
              <div
                key={key}
                className={`${panel.figure} ${styles.tile} ${key === 'gain' ? styles.main : ''}`}
              >
                <dt>{LABELS[key]}</dt>
                <dd>
                  <Money value={t[key]} quote={t.currency} signed={SIGNED.has(key)} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
