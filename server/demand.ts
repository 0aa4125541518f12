/**
 * What the feeds must watch: every user's watchlist and the markets that price their holdings (both read from the
 * database), waiting alerts and live subscriptions (both in memory). A change applies at once with what is known,
 * then again once the stored parts have been read; reads never overlap, and changes during one read once more.
 */
import type { StreamId } from '../lib/protocol';

export interface DemandDeps {
  /** Every stream on anyone's watchlist. */
  watched(): Promise<StreamId[]>;
  /** The markets that price everyone's holdings: it walks every user's transactions, so it runs only when asked. */
  holdings(): Promise<StreamId[]>;
  /** What is known in memory (alerts, subscriptions). */
  live(): StreamId[];
  apply(streams: Set<StreamId>): void;
  failed(err: unknown): void;
}

/** The feeds' demand, kept up to date. */
export interface Demand {
  /** Something changed: a subscription, a watchlist, an alert. */
  changed(): void;
  /** A portfolio, a currency or the markets loaded changed: the holdings' markets are worked out again. */
  holdingsChanged(): void;
  /** Stops reading (the database is about to close). */
  close(): void;
}

export function createDemand(deps: DemandDeps): Demand {
  let watched: StreamId[] = [];
  let holdings: StreamId[] = [];
  let holdingsStale = true;
  let reading = false;
  let again = false;
  let closed = false;
  const apply = () => deps.apply(new Set([...watched, ...holdings, ...deps.live()]));

  async function read(): Promise<void> {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      do {
        again = false;
        if (holdingsStale) {
          holdingsStale = false;
          holdings = await deps.holdings();
        }
        watched = await deps.watched();
        if (closed) return;
        apply();
      } while (again);
    } catch (err) {
      holdingsStale = true;
      if (!closed) deps.failed(err);
    } finally {
      reading = false;
    }
  }

  const changed = () => {
    if (closed) return;
    apply();
    void read();
  };
  return {
    changed,
    holdingsChanged() {
      holdingsStale = true;
      changed();
    },
    close() {
      closed = true;
    },
  };
}
