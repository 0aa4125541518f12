/** Max-frequency rules: the steps a client may ask for and the window that spaces its messages. */

/** Message rates (per second) the server runs subscriptions at; a request is rounded down to one of these. */
export const FREQUENCY_STEPS = [0.1, 0.2, 0.5, 1, 2, 4, 5, 10, 20] as const;

/** The rate a subscription gets: the largest step not above the request, capped at the server's maximum. */
export function effectiveFrequency(requested: number | undefined, serverMax: number): number {
  const cap = Math.min(requested ?? serverMax, serverMax);
  let chosen: number = FREQUENCY_STEPS[0];
  for (const step of FREQUENCY_STEPS) if (step <= cap) chosen = step;
  // A server maximum that is not a step is still honoured exactly when a client asks for it or more.
  return cap === serverMax && serverMax > chosen ? serverMax : chosen;
}

/** Milliseconds between two messages at a rate. */
export function windowMs(frequency: number): number {
  return Math.ceil(1000 / frequency);
}

/** How long to wait before the next message may go, given when the previous one went. */
export function delayUntilNext(lastSentAt: number | null, window: number, now: number): number {
  if (lastSentAt === null) return 0;
  return Math.max(0, lastSentAt + window - now);
}
