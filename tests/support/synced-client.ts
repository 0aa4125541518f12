/** A client that keeps its subscription's state the way docs/protocol.md tells (M2, M3, M9), and records what it saw. */
import { applyDiff, applySnapshot, emptyMarket } from '../../client/market-sync';
import type { SyncedMarket } from '../../client/market-sync';
import type { MarketDiff, SnapshotAck, StreamId } from '../../lib/protocol';
import type { Client } from './stack';

/** Follows a subscription on a socket and resyncs on a gap or an epoch change. */
export class SyncedClient {
  market: SyncedMarket = emptyMarket();
  readonly diffs: Array<{ at: number; diff: MarketDiff }> = [];
  resyncs = 0;
  snapshotEvents = 0;
  /** When set, the next diff is dropped as if lost on the way (to provoke a gap). */
  loseNext = false;
  private resyncing: Promise<void> | null = null;

  constructor(readonly socket: Client) {
    socket.on('market:diff', (diff) => this.onDiff(diff));
    socket.on('market:snapshot', (snapshot) => {
      this.snapshotEvents++;
      this.market = applySnapshot(snapshot);
    });
  }

  /** Subscribes and takes the snapshot of the answer. */
  subscribe(streams: StreamId[], maxFrequency?: number): Promise<SnapshotAck> {
    return this.ask('market:subscribe', maxFrequency === undefined ? { streams } : { streams, maxFrequency });
  }

  /**
   * Sends a request whose answer carries a snapshot and applies it inside the acknowledgement (M2): a diff read
   * in the same network chunk right behind the answer is handled before any promise continuation would run.
   */
  ask(
    event: 'market:subscribe' | 'market:unsubscribe' | 'market:resync',
    payload: object,
  ): Promise<SnapshotAck> {
    return new Promise((resolve, reject) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (this.socket.timeout(5_000) as any).emit(event, payload, (err: Error | null, ack: SnapshotAck) => {
        if (err) return reject(err);
        if (ack.ok) this.market = applySnapshot(ack.snapshot);
        resolve(ack);
      });
    });
  }

  /** Waits for a resync in flight, if any. */
  async settled(): Promise<void> {
    while (this.resyncing) await this.resyncing;
  }

  private onDiff(diff: MarketDiff): void {
    this.diffs.push({ at: Date.now(), diff });
    if (this.loseNext) {
      this.loseNext = false;
      return;
    }
    if (this.resyncing) return;
    const result = applyDiff(this.market, diff);
    if (result.applied) this.market = result.market;
    else if (result.reason !== 'old-seq') this.resync();
  }

  private resync(): void {
    this.resyncs++;
    this.resyncing = this.ask('market:resync', {}).then(
      () => void (this.resyncing = null),
      () => void (this.resyncing = null),
    );
  }
}
