'use client';
/** How long ago something happened ("3 s", "3 s ago"), refreshed by the shared clock. */
import { formatAge, MISSING } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { useDashboard } from '@/client/store/provider';
import { useNow } from './clock-provider';

interface AgeProps {
  /** ms since the epoch; a dash when unknown. */
  since: number | null | undefined;
  /** Whose clock stamped `since`: the server's (ticks, feed health) or this browser's. */
  clock: 'server' | 'browser';
  /** Written as a time ago ("3 s ago"); an unknown age stays a dash. */
  ago?: boolean;
}

/** Renders the age of `since`; server times are aged by the server's clock, so a wrong browser clock shows no skew. */
export function Age({ since, clock, ago = false }: AgeProps) {
  const t = useT('dashboard');
  const locale = useFormatLocale();
  const now = useNow();
  const offset = useDashboard((s) => (clock === 'server' ? s.clockOffsetMs : 0));
  if (since === null || since === undefined || now === null) return <>{MISSING}</>;
  const age = formatAge(now + offset - since, locale);
  return <>{ago ? t('ago', { age }) : age}</>;
}

/** An age inside a sentence: `text` is a message translated without its `{age}`, which stays there as a mark. */
export function AgeInText({ text, ...age }: AgeProps & { text: string }) {
  const at = text.indexOf('{age}');
  if (at === -1) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <Age {...age} />
      {text.slice(at + '{age}'.length)}
    </>
  );
}
