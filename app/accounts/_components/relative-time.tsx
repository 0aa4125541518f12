'use client';
/** A server time shown relative to now ("2 min ago", "in 12 min"), refreshed by the page's shared clock. */
import { useNow } from '@/components/clock-provider';
import { dateTimeFormat } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { agoText, untilText } from './connection-text';

/** The tooltip's date and time in the reader's locale, as `toLocaleString` writes them. */
const exactFormat = (locale: string) =>
  dateTimeFormat(locale, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });

/**
 * `at` (epoch ms) against the clock; the exact time is in the tooltip. Nothing until the first tick, so the time
 * is read from the shared clock, never during render.
 */
export function RelativeTime({ at, to }: { at: number; to: 'past' | 'future' }) {
  const now = useNow();
  const t = useT('accounts');
  const locale = useFormatLocale();
  if (now === null) return null;
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={exactFormat(locale).format(date)}>
      {to === 'past' ? agoText(t, now - at, locale) : untilText(t, at - now, locale)}
    </time>
  );
}
