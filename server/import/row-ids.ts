/**
 * The external id of each record of an imported file (docs/imports.md): the exchange's own id where the file has
 * one, else a hash of the row's normalized content. Both carry how often the same id came before in the file, so
 * two identical rows stay two, and a second import of the file finds every id again.
 */
import { createHash } from 'node:crypto';

/** A hash of a row's normalized parts (times in ms, amounts in canonical form), stable across imports. */
export function contentId(parts: readonly string[]): string {
  return `h${createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 24)}`;
}

/** Counts ids as a file gives them: the first keeps its id, a repeat gets `#2`, `#3`, … */
export function occurrences(): (id: string) => string {
  const seen = new Map<string, number>();
  return (id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}#${n}`;
  };
}
