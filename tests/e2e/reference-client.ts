/**
 * The server's side of the comparison: a plain socket.io client subscribed to the watchlist beside the page. The
 * server puts connections with the same streams and rate in one group (same epoch, same seq, same diffs), so the
 * page must show exactly one of the states this client held at about the same moment (protocol M9).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { describeStream, formatPercent, formatPrice, priceDecimals } from '../../client/format';
import type { SyncedMarket } from '../../client/market-sync';
import type { StreamId } from '../../lib/protocol';
import type { Client } from '../support/stack';
import { connect, request, signIn, TEST_ADMIN, waitFor } from '../support/stack';
import { SyncedClient } from '../support/synced-client';
import type { RowValues } from './dashboard-page';
import { readRows } from './dashboard-page';

/** How far the page may lag behind this client: both get the same broadcast, a few ms apart, four times a second. */
const TOLERANCE_MS = 1_000;

/** Follows the watchlist's subscription at the server's default rate, as the dashboard does, and keeps its recent states. */
export class ReferenceClient {
  private states: Array<{ at: number; market: SyncedMarket }> = [];
  private streams: StreamId[] = [];

  private constructor(
    private readonly socket: Client,
    private readonly synced: SyncedClient,
  ) {
    // Registered after SyncedClient's own listener, so the state recorded is the one after the diff.
    socket.on('market:diff', () => this.record());
    socket.on('market:snapshot', () => this.record());
    socket.on('watchlist:changed', ({ streams }) => (this.streams = [...streams]));
  }

  /** Signs in as TEST_ADMIN, connects, reads the watchlist and subscribes to it (retrying while markets load). */
  static async open(url: string): Promise<ReferenceClient> {
    const socket = await connect({ url, cookie: await signIn(url, TEST_ADMIN) });
    const reference = new ReferenceClient(socket, new SyncedClient(socket));
    const got = await request(socket, 'watchlist:get', {});
    if (!got.ok) throw new Error(`watchlist:get refused: ${got.error.message}`);
    reference.streams = [...got.watchlist.streams];
    await waitFor(
      async () => (await reference.synced.subscribe(reference.streams)).ok,
      15_000,
      'the reference subscription',
    );
    reference.record();
    return reference;
  }

  /** The epoch of the subscription's group. */
  get epoch(): string | null {
    return this.synced.market.epoch;
  }

  /** What the dashboard's rows must show for a state of the subscription, formatted as the dashboard does. */
  rowsOf(market: SyncedMarket): RowValues[] {
    return this.streams.map((stream) => {
      const ticker = market.tickers[stream];
      const decimals = priceDecimals(ticker);
      return {
        symbol: describeStream(stream).symbol,
        last: formatPrice(ticker?.last, decimals),
        bid: formatPrice(ticker?.bid, decimals),
        ask: formatPrice(ticker?.ask, decimals),
        change: formatPercent(ticker?.percentage),
      };
    });
  }

  /**
   * Waits until the page's rows, read in one go, equal the rows of one state of this client: the current one or
   * one held within the last second (or one that arrived here after the page had it). The same markets in the
   * same order, and every price of every row from that one state.
   */
  async expectPageMatches(page: Page, timeoutMs = 5_000): Promise<void> {
    let last: { shown: RowValues[]; server: RowValues[] } = { shown: [], server: [] };
    try {
      await expect
        .poll(
          async () => {
            const readAt = Date.now();
            const shown = await readRows(page);
            const newest = this.states.at(-1)?.market;
            last = { shown, server: newest ? this.rowsOf(newest) : [] };
            const text = JSON.stringify(shown);
            return this.states.some(
              ({ at, market }) =>
                (at >= readAt - TOLERANCE_MS || market === newest) &&
                JSON.stringify(this.rowsOf(market)) === text,
            );
          },
          { timeout: timeoutMs, interval: 100 },
        )
        .toBe(true);
    } catch (error) {
      // A readable difference with the server's newest state rather than "expected false to be true".
      expect(last.shown, `the page shows the state of epoch ${this.epoch}`).toEqual(last.server);
      throw error;
    }
  }

  close(): void {
    this.socket.disconnect();
  }

  // Each state with the time it was left (the next one's arrival); only recent ones are kept.
  private record(): void {
    const market = this.synced.market;
    const now = Date.now();
    const newest = this.states.at(-1);
    if (newest && newest.market.epoch === market.epoch && newest.market.seq === market.seq) return;
    if (newest) newest.at = now;
    this.states.push({ at: now, market });
    this.states = this.states.filter(({ at }) => at >= now - 5 * TOLERANCE_MS);
  }
}
