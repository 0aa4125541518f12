/** Checks on JSON answers: the browser takes nothing from the server on trust, not even its shape. */

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every item read by `read`, or null as soon as one is not what it should be. */
export function allOrNull<T>(items: readonly unknown[], read: (item: unknown) => T | null): T[] | null {
  const out: T[] = [];
  for (const item of items) {
    const value = read(item);
    if (value === null) return null;
    out.push(value);
  }
  return out;
}
