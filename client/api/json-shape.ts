/** A check on JSON bodies that no schema describes: an error answer may come from a proxy, not this server. */

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
