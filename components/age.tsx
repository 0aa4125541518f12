'use client';
/** How long ago something happened ("3 s"), refreshed by the shared clock. */
import { formatAge, MISSING } from '@/lib/format';
import { useNow } from './clock-provider';

/** Renders the age of `since` (ms since the epoch); a dash when unknown. */
export function Age({ since, suffix = '' }: { since: number | null | undefined; suffix?: string }) {
  const now = useNow();
  if (since === null || since === undefined || now === null) return <>{MISSING}</>;
  return (
    <>
      {formatAge(now - since)}
      {suffix}
    </>
  );
}
