'use client';
/** The time-weighted return of the value history's range, beside what holding BTC and ETH returned. */
import { useEffect, useMemo, useState } from 'react';
import { fetchPerformance } from '@/client/api/performance';
import type { Performance } from '@/client/api/performance';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import type { ValueRange } from '@/client/value-series';
import { ContributionTable } from './contribution-table';
import { RETURN_LINE_COLORS, ReturnLines } from './return-lines';
import { formatSignedFraction } from './portfolio-format';
import styles from './portfolio-panel.module.css';

function Figure({
  label,
  fraction,
  title,
  swatch,
}: {
  label: string;
  fraction: string | null | undefined;
  title: string;
  swatch?: { color: string; dashed: boolean };
}) {
  const locale = useFormatLocale();
  if (fraction === null || fraction === undefined) return null;
  const { text, tone } = formatSignedFraction(Number(fraction), '%', locale);
  return (
    <span className={styles.performanceFigure} title={title}>
      {swatch && (
        <svg width="14" height="6" aria-hidden="true" className={styles.swatch}>
          <line
            x1="0"
            x2="14"
            y1="3"
            y2="3"
            stroke={swatch.color}
            strokeWidth="2"
            strokeDasharray={swatch.dashed ? '4 3' : undefined}
          />
        </svg>
      )}
      {label} <b className={styles[tone]}>{text}</b>
    </span>
  );
}

/** Asks again when the range or the newest value point changes (`version`). */
export function PerformanceFigures({ range, version }: { range: ValueRange; version: number | undefined }) {
  const t = useT('portfolio');
  const [loaded, setLoaded] = useState<{ range: ValueRange; data: Performance } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void fetchPerformance(range, controller.signal).then((result) => {
      if (!controller.signal.aborted && result.ok) setLoaded({ range, data: result.data });
    });
    return () => controller.abort();
  }, [range, version]);

  const data = loaded?.range === range ? loaded.data : null;
  const lines = useMemo(
    () => ({
      portfolio: (data?.points ?? []).flatMap(([t, , twr]) =>
        twr === null ? [] : [[t, Number(twr)] as const],
      ),
      btc: (data?.benchmarks.BTC?.points ?? []).map(([t, r]) => [t, Number(r)] as const),
    }),
    [data],
  );
  if (!data) return null;
  const btc = data.benchmarks.BTC?.points.at(-1)?.[1];
  const eth = data.benchmarks.ETH?.points.at(-1)?.[1];
  return (
    <div className={styles.performance} aria-label={t('performanceLabel')}>
      {/* No return (one value in the range, say): only what the server says instead. */}
      {data.twr !== null && (
        <>
          <div className={styles.returnLines}>
            <ReturnLines portfolio={lines.portfolio} btc={lines.btc} />
          </div>
          <Figure
            label={t('twrLabel')}
            fraction={data.twr}
            title={t('twrTitle')}
            swatch={{ color: RETURN_LINE_COLORS.portfolio, dashed: false }}
          />
          <Figure
            label="BTC"
            fraction={btc}
            title={t('benchmarkTitle', { asset: 'BTC' })}
            swatch={{ color: RETURN_LINE_COLORS.btc, dashed: true }}
          />
          <Figure label="ETH" fraction={eth} title={t('benchmarkTitle', { asset: 'ETH' })} />
          <ContributionTable parts={data.contributions} />
        </>
      )}
      {data.notes.map((note) => (
        <p key={note} className={styles.note}>
          {note}
        </p>
      ))}
    </div>
  );
}
