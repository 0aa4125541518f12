'use client';
/** How long ago something happened ("3 s"), refreshed by the shared clock. */
import { formatAge, MISSING } from '@/client/format';
import { useDashboard } from '@/client/store/provider';
import { useNow } from './clock-provider';

interface AgeProps {
  /** ms since the epoch; a dash when unknown. */
  since: number | null | undefined;
  /** Whose clock stamped `since`: the server's (ticks, feed health) or this browser's. */
  clock: 'server' | 'browser';
  suffix?: string;
}

/** Renders the age of `since`; server times are aged by the server's clock, so a wrong browser clock shows no skew. */
export function Age({ since, clock, suffix = '' }: AgeProps) {
  const now = useNow();
  const offset = useDashboard((s) => (clock === 'server' ? s.clockOffsetMs : 0));
  if (since === null || since === undefined || now === null) return <>{MISSING}</>;
  return (
    <>
      {formatAge(now + offset - since)}
      {suffix}
    </>
  );
}
