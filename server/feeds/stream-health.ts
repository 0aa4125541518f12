/** Judges each watched stream of one feed: live, stale, quiet or unpriced (protocol rules F4-F8). */
import type { StreamHealth, StreamState } from '../../lib/protocol';

/** How a feed's streams are judged; see FRESHNESS in feed-defaults.ts for the values per exchange. */
export interface FreshnessRules {
  /**
   * The exchange pushes every watched ticker at this period (Binance: 1 s), so silence means trouble; null when it
   * pushes only on trades, so a stream's silence alone means nothing and the connection's liveness decides (F5).
   */
  cadenceMs: number | null;
  /** Fixed cadence: a stream without a tick for this long is stale (F4). */
  staleAfterMs: number;
  /** Trade-driven: no message of any kind on the connection for this long makes every stream stale (F5). */
  silentAfterMs: number;
  /** Trade-driven: a stream without a trade for this long on a live connection is quiet (F5). */
  quietAfterMs: number;
  /** A stream without a first price for this long while its feed runs is unpriced and polled (F6). */
  firstPriceMs: number;
  /** A polled stream without a price for this long is stale (F7). */
  pollStaleMs: number;
}

interface Entry {
  /** When the stream started waiting for its first price (reset while the feed is not running). */
  waitingSince: number;
  lastTickAt: number | null;
  via: 'stream' | 'poll';
  refusal: string | null;
  health: StreamHealth | null;
}

/** The feed's connection as the tracker needs to know it. */
export interface ConnectionView {
  /** True while a connection is up or being made; false while the feed is down or redialling. */
  running: boolean;
  /** Why the feed is not running, for the streams' reason. */
  trouble: string | null;
}

/** Tracks the watched streams of one feed; evaluate() turns times into states. */
export interface StreamTracker {
  /** The symbols watched now; new ones start waiting for a first price, others are forgotten. */
  watch(symbols: Iterable<string>, now: number): void;
  /** A valid tick of `symbol`, from its stream or from the fallback poll. */
  ticked(symbol: string, now: number, via: 'stream' | 'poll'): void;
  /** Any message on the connection (heartbeats, acknowledgements, tickers): proof that it is alive. */
  heard(now: number): void;
  /** The exchange refused the stream; it is unpriced at once (and polled). */
  refused(symbol: string, reason: string, now: number): void;
  /** Recomputes every state; true when any stream's health changed. */
  evaluate(now: number, connection: ConnectionView): boolean;
  /** The watched streams that are not plainly live, by symbol (FeedStatus.streams). */
  health(): Record<string, StreamHealth>;
  /** The streams to price by polling, because their stream gave no price (F6). */
  polled(): string[];
  /** True when at least one stream has ticked and every stream that has is stale. */
  allStale(): boolean;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** Creates a tracker with the given rules. */
export function createStreamTracker(rules: FreshnessRules): StreamTracker {
  const entries = new Map<string, Entry>();
  let lastHeardAt = -Infinity;
  let view: Record<string, StreamHealth> = {};

  function judge(entry: Entry, now: number, connection: ConnectionView): Omit<StreamHealth, 'since'> {
    const { via } = entry;
    if (entry.lastTickAt === null) {
      if (entry.refusal !== null) return { state: 'unpriced', reason: entry.refusal, via: 'poll' };
      if (now - entry.waitingSince >= rules.firstPriceMs)
        return {
          state: 'unpriced',
          reason: `no price from the exchange's stream within ${seconds(rules.firstPriceMs)}`,
          via: 'poll',
        };
      return { state: 'live', reason: null, via };
    }
    const age = now - entry.lastTickAt;
    if (via === 'poll') {
      return age > rules.pollStaleMs
        ? { state: 'stale', reason: `no price from polling within ${seconds(rules.pollStaleMs)}`, via }
        : { state: 'live', reason: null, via };
    }
    if (!connection.running)
      return { state: 'stale', reason: connection.trouble ?? 'feed not connected', via };
    if (rules.cadenceMs !== null) {
      return age > rules.staleAfterMs
        ? {
            state: 'stale',
            reason: `no tick within ${seconds(rules.staleAfterMs)} (the exchange pushes every ${seconds(rules.cadenceMs)})`,
            via,
          }
        : { state: 'live', reason: null, via };
    }
    const silence = now - Math.max(lastHeardAt, entry.lastTickAt);
    if (silence > rules.silentAfterMs)
      return {
        state: 'stale',
        reason: `nothing from the exchange within ${seconds(rules.silentAfterMs)}`,
        via,
      };
    if (age > rules.quietAfterMs)
      return {
        state: 'quiet',
        reason: `no trade within ${seconds(rules.quietAfterMs)}; connection healthy`,
        via,
      };
    return { state: 'live', reason: null, via };
  }

  const newEntry = (now: number): Entry => ({
    waitingSince: now,
    lastTickAt: null,
    via: 'stream',
    refusal: null,
    health: null,
  });

  const listed = (h: StreamHealth) => h.state !== 'live' || h.via === 'poll';

  return {
    watch(symbols, now) {
      const next = new Set(symbols);
      for (const symbol of entries.keys()) if (!next.has(symbol)) entries.delete(symbol);
      for (const symbol of next) {
        if (!entries.has(symbol)) entries.set(symbol, newEntry(now));
      }
    },
    ticked(symbol, now, via) {
      // A tick may come before the next watch() has listed the symbol (the first snapshot after a subscribe).
      const entry = entries.get(symbol) ?? newEntry(now);
      entries.set(symbol, entry);
      // A stream that ticks is back on its stream; a polled one stays polled until the stream is tried again.
      if (via === 'stream') entry.via = 'stream';
      else if (entry.via === 'stream' && entry.lastTickAt !== null) return;
      else entry.via = 'poll';
      entry.lastTickAt = now;
    },
    heard(now) {
      lastHeardAt = now;
    },
    refused(symbol, reason, now) {
      // The refusal answers the subscribe, often before the next watch() has listed the symbol.
      const entry = entries.get(symbol) ?? newEntry(now);
      entries.set(symbol, entry);
      if (entry.lastTickAt === null) entry.refusal = reason;
    },
    evaluate(now, connection) {
      let changed = false;
      const next: Record<string, StreamHealth> = {};
      for (const [symbol, entry] of entries) {
        if (!connection.running && entry.lastTickAt === null) entry.waitingSince = now;
        const judged = judge(entry, now, connection);
        const prev = entry.health;
        const news =
          prev === null ||
          prev.state !== judged.state ||
          prev.via !== judged.via ||
          prev.reason !== judged.reason;
        if (news) entry.health = { ...judged, since: now };
        const health = entry.health ?? { ...judged, since: now };
        if (news && (listed(health) || (prev !== null && listed(prev)))) changed = true;
        if (listed(health)) next[symbol] = health;
      }
      if (Object.keys(next).length !== Object.keys(view).length) changed = true;
      if (changed) view = next;
      return changed;
    },
    health: () => view,
    polled: () => [...entries].filter(([, e]) => e.health?.via === 'poll').map(([symbol]) => symbol),
    allStale() {
      const ticked = [...entries.values()].filter((e) => e.lastTickAt !== null && e.via === 'stream');
      return ticked.length > 0 && ticked.every((e) => e.health?.state === 'stale');
    },
  };
}

/** The states a stream may be in, for validation and metrics. */
export const STREAM_STATES: readonly StreamState[] = ['live', 'stale', 'quiet', 'unpriced'];
