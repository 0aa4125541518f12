'use client';
/** The report's choices: a year or a range of days, the cost-basis method, and when a gain becomes long-term. */
import { useId, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { FormAlert, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import fieldStyles from '@/components/auth-card.module.css';
import type { ReportQuery } from '@/client/api/reports';
import { COST_BASIS_METHODS } from '@/lib/portfolio/lots';
import { DEFAULT_METHOD, MAX_LONG_TERM_DAYS } from './report-choices';
import { METHOD_LABELS } from './report-text';
import styles from './reports.module.css';

const CUSTOM = 'custom';

// The range's two fields, and the day of the year each starts at: the whole year shown before.
const RANGE_ENDS = [
  ['from', 'From', '01-01'],
  ['to', 'To', '12-31'],
] as const;

/**
 * A form whose fields stay mounted and hold what was applied, so the focus never jumps. A select applies at
 * once (as the dashboard's method select does); typed values, the dates and the days, wait for Apply or Enter.
 */
export function ReportControls({
  query,
  years,
  onApply,
}: {
  /** The query the page opened on; later ones come from this form. */
  query: ReportQuery;
  /** The years to offer, newest first. */
  years: readonly number[];
  onApply(query: ReportQuery): void;
}) {
  const { period } = query;
  const [custom, setCustom] = useState(!('year' in period));
  const [problem, setProblem] = useState<FormMessage | null>(null);
  const periodId = useId();
  const methodId = useId();
  const daysId = useId();
  const daysHintId = useId();
  const [firstYear = new Date().getUTCFullYear()] = years;
  // A bookmarked year with no transaction in it is still offered.
  const offered = 'year' in period && !years.includes(period.year) ? [period.year, ...years] : years;
  const rangeYear = 'year' in period ? period.year : firstYear;

  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const choice = text('period');
    const [from, to] = [text('from'), text('to')];
    if (choice === CUSTOM && (!from || !to))
      return setProblem(formMessage('Choose both dates of the range.'));
    // yyyy-mm-dd strings compare as the days they name.
    if (choice === CUSTOM && to < from)
      return setProblem(formMessage('The range ends before it starts: choose a "To" on or after "From".'));
    setProblem(null);
    onApply({
      period: choice === CUSTOM ? { from, to } : { year: Number(choice) },
      method: COST_BASIS_METHODS.find((m) => m === text('method')) ?? DEFAULT_METHOD,
      longTermDays: Number(text('longTermDays')),
    });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  // Through the form's own submit, so an invalid number of days is refused by the browser as on Apply.
  const applyNow = (event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();
  const onPeriod = (event: ChangeEvent<HTMLSelectElement>) => {
    const isCustom = event.currentTarget.value === CUSTOM;
    setCustom(isCustom);
    if (!isCustom) applyNow(event);
  };

  return (
    <form className={styles.settings} onSubmit={onSubmit} aria-label="Report settings">
      <div className={styles.controls}>
        <div className={styles.field}>
          <label htmlFor={periodId}>Period</label>
          <select
            id={periodId}
            name="period"
            className={fieldStyles.input}
            defaultValue={'year' in period ? String(period.year) : CUSTOM}
            onChange={onPeriod}
          >
            {offered.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
            <option value={CUSTOM}>Custom range…</option>
          </select>
        </div>
        {custom &&
          RANGE_ENDS.map(([name, label, dayOfYear]) => (
            <div key={name} className={styles.field}>
              <label htmlFor={`${periodId}-${name}`}>{label}</label>
              <input
                id={`${periodId}-${name}`}
                name={name}
                type="date"
                className={fieldStyles.input}
                defaultValue={'from' in period ? period[name] : `${rangeYear}-${dayOfYear}`}
              />
            </div>
          ))}
        <div className={styles.field}>
          <label htmlFor={methodId}>Cost-basis method</label>
          <select
            id={methodId}
            name="method"
            className={fieldStyles.input}
            defaultValue={query.method}
            onChange={applyNow}
          >
            {COST_BASIS_METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={daysId}>Long-term after (days)</label>
          <input
            id={daysId}
            name="longTermDays"
            type="number"
            inputMode="numeric"
            className={`${fieldStyles.input} ${styles.days}`}
            min={0}
            max={MAX_LONG_TERM_DAYS}
            step={1}
            required
            defaultValue={query.longTermDays}
            aria-describedby={daysHintId}
          />
          <p id={daysHintId} className="sr-only">
            A gain is long-term when its coins were held more than this many days.
          </p>
        </div>
        <button type="submit" className={`${styles.button} ${styles.large}`}>
          Apply
        </button>
      </div>
      <FormAlert message={problem} />
    </form>
  );
}
