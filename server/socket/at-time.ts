/** A timer for a moment possibly months away: setTimeout alone fires at once past 2^31 - 1 ms (24.8 days). */

const LONGEST_WAIT_MS = 2 ** 31 - 1;

/** Runs `run` at `time` (ms since the epoch), never for an infinite time; `cancel` stops it. Never keeps the process up. */
export function atTime(time: number, run: () => void): { cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const wait = time - Date.now();
    if (wait <= LONGEST_WAIT_MS) {
      timer = setTimeout(run, Math.max(0, wait));
    } else {
      // Wait as long as allowed, then look again.
      timer = setTimeout(arm, LONGEST_WAIT_MS);
    }
    timer.unref();
  };
  if (Number.isFinite(time)) arm();
  return { cancel: () => clearTimeout(timer) };
}
