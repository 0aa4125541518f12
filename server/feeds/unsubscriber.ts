/** What a feed's connection carries on the exchange, and unsubscribing what nobody watches any more (F9). */
import type { Exchange } from 'ccxt';
import type { Logger } from 'pino';
import type { FeedMode } from '../../lib/protocol';
import { canUnwatch } from './feed-defaults';
import { errorMessage } from './feed-errors';
import { withTimeout } from './signals';

/** An unsubscribe is never awaited by the streams still watched; a silent exchange cannot hold it longer. */
const UNWATCH_TIMEOUT_MS = 2_000;

/** The subscriptions of the current connection generation. */
export interface Unsubscriber {
  /** The symbols a watch is about to subscribe (or has). */
  note(symbols: readonly string[]): void;
  /**
   * Unsubscribes what the connection carries beyond `keep`, where ccxt can (unWatchTickers or unWatchTicker, the
   * counterpart of the watch that subscribed them: on Coinbase the two use different channels). Not on Kraken,
   * where ccxt has neither, nor on Coinbase (canUnwatch): there those streams go with the next redial.
   */
  shed(ex: Exchange, mode: FeedMode, keep: readonly string[]): void;
}

/** `generation` is the feed's connection generation: a redial starts from nothing subscribed. */
export function createUnsubscriber(options: {
  exchangeId: string;
  log: Logger;
  watchParams: Record<string, unknown>;
  generation(): number;
}): Unsubscriber {
  const { log, watchParams } = options;
  let generation = -1;
  const symbols = new Set<string>();

  return {
    note(added) {
      if (generation !== options.generation()) {
        generation = options.generation();
        symbols.clear();
      }
      for (const symbol of added) symbols.add(symbol);
    },
    shed(ex, mode, keep) {
      if (generation !== options.generation() || !canUnwatch(options.exchangeId)) return;
      const kept = new Set(keep);
      const gone = [...symbols].filter((symbol) => !kept.has(symbol));
      if (gone.length === 0) return;
      let call: Promise<unknown>;
      if (mode === 'watchTickers' && ex.has.unWatchTickers) call = ex.unWatchTickers(gone, watchParams);
      else if (mode === 'watchTicker' && ex.has.unWatchTicker)
        call = Promise.all(gone.map((symbol) => ex.unWatchTicker(symbol, watchParams)));
      else return;
      for (const symbol of gone) symbols.delete(symbol);
      log.info({ symbols: gone }, 'unsubscribing streams nobody watches');
      withTimeout(call, UNWATCH_TIMEOUT_MS, undefined).catch((err: unknown) =>
        log.debug(
          { err: errorMessage(err), symbols: gone },
          'unsubscribe failed; the next redial drops them',
        ),
      );
    },
  };
}
