'use client';
/** A server time shown relative to now ("2 min ago", "in 12 min"), refreshed by the page's shared clock. */
import { useNow } from '@/components/clock-provider';
import { agoText, untilText } from './connection-text';

/**
 * `at` (epoch ms) against the clock; the exact time is in the tooltip. Nothing until the first tick, so the time
 * is read from the shared clock, never during render.
 */
export function RelativeTime({ at, to }: { at: number; to: 'past' | 'future' }) {
  const now = useNow();
  if (now === null) return null;
  const date = new Date(at);
  return (
    <time dateTime={date.toISOString()} title={date.toLocaleString()}>
      {to === 'past' ? agoText(now - at) : untilText(at - now)}
    </time>
  );
}
