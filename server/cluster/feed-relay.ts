/**
 * The Redis side of a cluster's feeds. The leader appends every change of its market state to a stream
 * (`<prefix>:feeds:ticks`, each entry numbered within the leader's term) and keeps the latest of each in hashes,
 * so that an instance that joins, or finds a gap in the numbers, reads the whole state and goes on from there.
 * Every instance appends its demand to `<prefix>:feeds:control`, which the leader reads.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { FeedStatus, StreamId, Ticker } from '../../lib/protocol';
import type { MarketInfo } from '../feeds/types';
import {
  controlFieldsOf,
  leaderFieldsOf,
  parseControlEntry,
  parseLeaderEntry,
  parseMarkets,
  parseStatuses,
  parseTicker,
} from './relay-messages';
import type { ControlEntry, LeaderEntry } from './relay-messages';
import type { RedisClient } from './redis';

// Enough for a few seconds of a busy leader: an instance further behind reads the whole state instead.
const TICKS_KEPT = 10_000;
const CONTROL_KEPT = 1_000;
const BLOCK_MS = 1_000;
const RETRY_MS = 500;

type StreamEntry = { id: string; message: Record<string, string> };
type StreamReply = { name: string; messages: StreamEntry[] };

/** The leader's whole state, read at once. */
export interface Snapshot {
  tickers: Map<StreamId, Ticker>;
  statuses: FeedStatus[] | null;
  markets: Map<string, MarketInfo[]>;
}

/** What the relay hands on to its instance. */
export interface RelayHandlers {
  /** False while this instance leads: the leader's stream is then its own and skipped. */
  following(): boolean;
  /** The leader's next change, in order, with nothing missed since the last snapshot. */
  entry(entry: Exclude<LeaderEntry, { kind: 'resync' }>): void;
  /** The leader's whole state: after joining, after a gap, a new term or a resync entry. */
  snapshot(snapshot: Snapshot): void;
  control(entry: ControlEntry): void;
}

export class FeedRelay {
  private readonly keys: {
    ticks: string;
    control: string;
    latest: string;
    statuses: string;
    markets: string;
  };
  private ticksId = '$';
  private controlId = '$';
  private term: { leader: string; seq: number } | null = null;
  // The last entry followed; null forces a snapshot before the next entry is taken.
  private followed: { leader: string; seq: number } | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private failing = false;
  /** Called when Redis is reached again while this instance leads. */
  reconnected: (() => void) | null = null;

  /** `client` must fail fast (no offline queue): a leader that cannot publish must not queue stale changes. */
  constructor(
    private readonly client: RedisClient,
    private readonly reader: RedisClient,
    prefix: string,
    private readonly log: Logger,
  ) {
    const at = (name: string) => `${prefix}:feeds:${name}`;
    // Redis back after an outage (perhaps restarted, empty): a leader writes its whole state again.
    let down = false;
    client.on('error', () => (down = true));
    client.on('ready', () => {
      if (down && this.term) this.reconnected?.();
      down = false;
    });
    this.keys = {
      ticks: at('ticks'),
      control: at('control'),
      latest: at('latest'),
      statuses: at('statuses'),
      markets: at('markets'),
    };
  }

  /** Starts reading both streams from their current ends. */
  start(handlers: RelayHandlers): void {
    this.loop = this.read(handlers);
  }

  /** Stops reading; the reading connection is the relay's own and ends here, cutting a blocked read short. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reader.isOpen) this.reader.destroy();
    await this.loop;
  }

  /** Starts a term as leader: entries are numbered afresh under a new id. */
  lead(): void {
    this.term = { leader: randomBytes(6).toString('hex'), seq: 0 };
  }

  /** Ends the term; the next leader entry read is preceded by a snapshot. */
  follow(): void {
    this.term = null;
    this.followed = null;
  }

  /** Reads the leader's whole state before taking its next entry. */
  snapshotNext(): void {
    this.followed = null;
  }

  /** Publishes a change of the leader's market state. */
  ticker(stream: StreamId, ticker: Ticker): void {
    const value = JSON.stringify(ticker);
    this.send(this.client.hSet(this.keys.latest, stream, value));
    this.append({ kind: 'tick', stream, ticker });
  }

  /** Publishes the feeds' statuses (also the leader's heartbeat). */
  statuses(statuses: FeedStatus[]): void {
    this.send(this.client.set(this.keys.statuses, JSON.stringify(statuses)));
    this.append({ kind: 'status', statuses });
  }

  /** Publishes an exchange's markets; followers read them when a status shows a new count. */
  markets(exchange: string, markets: readonly MarketInfo[]): void {
    this.send(this.client.hSet(this.keys.markets, exchange, JSON.stringify(markets)));
  }

  /** Writes the leader's whole state and tells followers to read it. */
  everything(tickers: Iterable<[StreamId, Ticker]>, statuses: FeedStatus[]): void {
    const fields: Record<string, string> = {};
    for (const [stream, ticker] of tickers) fields[stream] = JSON.stringify(ticker);
    if (Object.keys(fields).length > 0) this.send(this.client.hSet(this.keys.latest, fields));
    this.statuses(statuses);
    this.append({ kind: 'resync' });
  }

  /** Tells the leader something (demand). */
  control(entry: ControlEntry): void {
    const trim = { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: CONTROL_KEPT } } as const;
    this.send(this.client.xAdd(this.keys.control, '*', controlFieldsOf(entry), trim));
  }

  /** An exchange's markets as the leader last published them. */
  async readMarkets(exchange: string): Promise<MarketInfo[] | null> {
    const text = await this.client.hGet(this.keys.markets, exchange);
    return text ? parseMarkets(text) : null;
  }

  private append(entry: LeaderEntry): void {
    if (!this.term) return;
    this.term.seq += 1;
    const fields = leaderFieldsOf({ leader: this.term.leader, seq: this.term.seq, entry });
    const trim = { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: TICKS_KEPT } } as const;
    this.send(this.client.xAdd(this.keys.ticks, '*', fields, trim));
  }

  // Publishing never waits: a failure (Redis away) leaves a gap in the numbers that followers see, and the
  // leader writes everything again when Redis is back.
  private send(command: Promise<unknown>): void {
    command.catch(() => undefined);
  }

  private async read(handlers: RelayHandlers): Promise<void> {
    while (!this.stopped) {
      try {
        if (this.ticksId === '$') await this.ends();
        if (handlers.following() && this.followed === null) await this.resync(handlers);
        const result = (await this.reader.xRead(
          [
            { key: this.keys.ticks, id: this.ticksId },
            { key: this.keys.control, id: this.controlId },
          ],
          { BLOCK: BLOCK_MS, COUNT: 500 },
        )) as StreamReply[] | null;
        if (this.failing) this.log.info('feed relay reading again');
        this.failing = false;
        for (const { name, messages } of result ?? []) {
          for (const { id, message } of messages) {
            if (name === this.keys.control) {
              this.controlId = id;
              this.handleControl(handlers, message);
            } else {
              this.ticksId = id;
              if (handlers.following()) await this.handleLeader(handlers, message);
            }
          }
        }
      } catch (err) {
        if (this.stopped) break;
        if (!this.failing) this.log.warn({ err }, 'feed relay cannot read; retrying');
        this.failing = true;
        this.followed = null;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  // Where the streams end now: reading starts after what is already there.
  private async ends(): Promise<void> {
    const [ticks, control] = await Promise.all([
      this.client.xRevRange(this.keys.ticks, '+', '-', { COUNT: 1 }),
      this.client.xRevRange(this.keys.control, '+', '-', { COUNT: 1 }),
    ]);
    this.ticksId = ticks[0]?.id ?? '0-0';
    this.controlId = control[0]?.id ?? '0-0';
  }

  private async handleLeader(handlers: RelayHandlers, fields: Record<string, string>): Promise<void> {
    let numbered;
    try {
      numbered = parseLeaderEntry(fields);
    } catch (err) {
      // Its number is lost with it: the next entry shows the gap and a snapshot follows.
      this.log.warn({ err }, 'feed relay dropped a malformed entry');
      return;
    }
    const { leader, seq, entry } = numbered;
    const expected = this.followed;
    this.followed = { leader, seq };
    if (
      expected === null ||
      expected.leader !== leader ||
      expected.seq + 1 !== seq ||
      entry.kind === 'resync'
    ) {
      await this.resync(handlers);
      return;
    }
    handlers.entry(entry);
  }

  private handleControl(handlers: RelayHandlers, fields: Record<string, string>): void {
    try {
      handlers.control(parseControlEntry(fields));
    } catch (err) {
      this.log.warn({ err }, 'feed relay dropped a malformed control entry');
    }
  }

  // One MULTI: the state and the stream position it belongs to, read together.
  private async resync(handlers: RelayHandlers): Promise<void> {
    const [last, latest, statuses, markets] = (await this.client
      .multi()
      .xRevRange(this.keys.ticks, '+', '-', { COUNT: 1 })
      .hGetAll(this.keys.latest)
      .get(this.keys.statuses)
      .hGetAll(this.keys.markets)
      .exec()) as unknown as [StreamEntry[], Record<string, string>, string | null, Record<string, string>];
    const snapshot: Snapshot = { tickers: new Map(), statuses: null, markets: new Map() };
    const bad = (what: string, err: unknown) =>
      this.log.warn({ err }, `feed relay skipped a malformed ${what}`);
    for (const [stream, text] of Object.entries(latest)) {
      try {
        snapshot.tickers.set(stream as StreamId, parseTicker(text));
      } catch (err) {
        bad('ticker', err);
      }
    }
    try {
      if (statuses) snapshot.statuses = parseStatuses(statuses);
    } catch (err) {
      bad('status', err);
    }
    for (const [exchange, text] of Object.entries(markets)) {
      try {
        snapshot.markets.set(exchange, parseMarkets(text));
      } catch (err) {
        bad('market list', err);
      }
    }
    const head = last[0];
    if (head) {
      this.ticksId = head.id;
      try {
        const { leader, seq } = parseLeaderEntry(head.message);
        this.followed = { leader, seq };
      } catch {
        this.followed = { leader: '', seq: 0 };
      }
    } else {
      this.followed = { leader: '', seq: 0 };
    }
    handlers.snapshot(snapshot);
  }
}
