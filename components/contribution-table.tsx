'use client';
/**
 * What each asset added to the range's return (P11), largest first: the first few by name, the rest together,
 * and what trades, fees and income did, so that the rows add up to the time-weighted return above them.
 */
import type { ContributionParts } from '@/client/api/performance';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { formatSignedFraction } from './portfolio-format';
import styles from './portfolio-panel.module.css';

/** Assets named before the rest are put together. */
const NAMED = 5;

function Row({
  name,
  fraction,
  scale,
  title,
}: {
  name: string;
  fraction: number;
  scale: number;
  title?: string;
}) {
  const t = useT('portfolio');
  const locale = useFormatLocale();
  const { text, tone } = formatSignedFraction(fraction, t('percentPoints'), locale);
  const width = scale > 0 ? Math.min(100, (Math.abs(fraction) / scale) * 100) : 0;
  return (
    <tr title={title}>
      <th scope="row">{name}</th>
      <td className={styles.contributionBar} aria-hidden="true">
        <span className={styles[tone]} style={{ width: `${width}%` }} />
      </td>
      <td className={styles[tone]}>{text}</td>
    </tr>
  );
}

export function ContributionTable({ parts }: { parts: ContributionParts }) {
  const t = useT('portfolio');
  if (parts.total === null || parts.assets.length === 0) return null;
  const named = parts.assets.slice(0, NAMED);
  const rest = parts.assets.slice(NAMED);
  const restSum = rest.reduce((sum, a) => sum + Number(a.contribution), 0);
  const other = parts.other === null ? null : Number(parts.other);
  const scale = Math.max(
    ...named.map((a) => Math.abs(Number(a.contribution))),
    Math.abs(restSum),
    Math.abs(other ?? 0),
  );
  return (
    <table className={styles.contributions}>
      <caption>{t('contributionCaption')}</caption>
      <tbody>
        {named.map((a) => (
          <Row key={a.asset} name={a.asset} fraction={Number(a.contribution)} scale={scale} />
        ))}
        {rest.length > 0 && (
          <Row
            name={t('contributionMore', { count: rest.length })}
            fraction={restSum}
            scale={scale}
            title={rest.map((a) => a.asset).join(', ')}
          />
        )}
        {other !== null && (
          <Row
            name={t('contributionOther')}
            fraction={other}
            scale={scale}
            title={t('contributionOtherTitle', { step: parts.step })}
          />
        )}
      </tbody>
    </table>
  );
}
