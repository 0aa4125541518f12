'use client';
/** The portfolio's recorded value over time: a plain SVG line, far lighter than a chart library for one line. */
import { useEffect, useState } from 'react';
import { fetchValueHistory } from '@/lib/portfolio-client';
import type { ValueHistory as History } from '@/lib/portfolio-client';
import { formatAge, formatClock } from '@/lib/format';
import { Decimal } from '@/lib/portfolio/decimal';
import { Sparkline } from './sparkline';
import { Money } from './portfolio-summary';
import styles from './portfolio-panel.module.css';

// Asks again as often as the server records, but not more than every 5 s nor less than every minute.
const refreshDelay = (intervalMs: number | undefined) =>
  Math.min(60_000, Math.max(5_000, intervalMs ?? 60_000));

/** Fetches the history when mounted, when the currency changes, and again at the server's recording pace. */
export function ValueHistory({ currency }: { currency: string }) {
  const [history, setHistory] = useState<History | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      void fetchValueHistory(controller.signal).then((result) => {
        if (controller.signal.aborted) return;
        if (result.ok) setHistory(result.data);
        timer = setTimeout(load, refreshDelay(result.ok ? result.data.intervalMs : undefined));
      });
    load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [currency]);

  const points = history?.points.map(([t, value]) => [t, Number(value)] as const) ?? [];
  const first = history?.points[0];
  const last = history?.points.at(-1);
  const every = history ? formatAge(history.intervalMs) : '';
  return (
    <div className={styles.history}>
      <h3 className={styles.subTitle}>Value history</h3>
      {first && last && points.length >= 2 ? (
        <figure className={styles.historyFigure}>
          <div
            role="img"
            aria-label={`Portfolio value from ${formatClock(first[0], false)} to ${formatClock(last[0], false)}`}
          >
            <Sparkline points={points} width={320} height={64} />
          </div>
          <figcaption className={styles.note}>
            <Money value={new Decimal(first[1])} quote={history.currency} /> →{' '}
            <Money value={new Decimal(last[1])} quote={history.currency} /> over{' '}
            {formatAge(last[0] - first[0])}
          </figcaption>
        </figure>
      ) : (
        <p className={styles.note}>
          The value is recorded every {every || 'few minutes'}; the line appears after the second record.
        </p>
      )}
    </div>
  );
}
