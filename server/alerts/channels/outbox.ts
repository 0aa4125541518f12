/**
 * The outbox worker (docs/alert-channels.md N3–N5): queues a fired alert's message once per channel, then takes
 * due deliveries with a lease, sends each on its own (a receiver that hangs holds up only its own delivery, until
 * its timeout), and records the outcome: sent, tried again later, or failed for good. Delivery is at least once:
 * a send whose outcome could not be recorded is sent again, with the same delivery id for the receiver to drop.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { LocaleChoice } from '../../../lib/i18n/locales';
import type { Alert } from '../../../lib/protocol';
import { SecretError } from '../../secrets/secret-error';
import type { ChannelStore } from '../../store/channel-store';
import type { Delivery, DeliveryStore } from '../../store/delivery-store';
import type { ChannelTarget } from './channel-kinds';
import { alertMessage, testMessage } from './message';
import type { OutgoingMessage } from './message';
import { RETRY_DELAYS_MS, nextAttemptAt } from './retry';
import { sendToChannel } from './send';
import type { SendOptions } from './send';
import { failure, storedFailure } from './send-result';
import type { SendResult } from './send-result';

/** How one attempt of one delivery ended. */
export interface DeliveryOutcome {
  deliveryId: string;
  channelId: string;
  userId: number;
  status: 'sent' | 'retrying' | 'failed';
  /** Attempts so far, this one included. */
  attempts: number;
  result: SendResult;
  /** When a retrying delivery is tried next. */
  nextAttemptAt?: number;
}

export interface OutboxDeps {
  deliveries: DeliveryStore;
  channels: ChannelStore;
  sendOptions: SendOptions;
  /** The sender; sendToChannel unless a test replaces it. */
  send?: (channel: ChannelTarget, message: OutgoingMessage, options: SendOptions) => Promise<SendResult>;
  clock?: () => number;
  retryDelaysMs?: readonly number[];
  /** How long a taken delivery is this worker's; longer than a send can take. */
  leaseMs?: number;
  /** Deliveries sent at once by this worker. */
  concurrency?: number;
  /** How often the running worker looks for due deliveries (queued by another instance, or due for a retry). */
  pollMs?: number;
  log?: Logger;
  /** How long sent and failed deliveries are kept, for the UI's recent sends (30 days). */
  keepMs?: number;
  /** Every attempt's outcome, once recorded. */
  onOutcome?: (outcome: DeliveryOutcome) => void;
}

/** How often the running worker deletes deliveries past keepMs. */
const PRUNE_EVERY_MS = 3_600_000;

export class Outbox {
  /** This worker's name in the leases it holds. */
  readonly workerId = randomUUID();
  private readonly clock: () => number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly inFlight = new Set<Promise<unknown>>();
  private running = false;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private prunedAt = -Infinity;

  constructor(private readonly deps: OutboxDeps) {
    this.clock = deps.clock ?? Date.now;
    this.leaseMs = deps.leaseMs ?? Math.max(60_000, 2 * deps.sendOptions.timeoutMs + 5_000);
    this.concurrency = deps.concurrency ?? 8;
  }

  /**
   * Queues a fired alert's message for each channel it names that the owner still has, worded in each channel's
   * own language; returns how many deliveries were added.
   */
  async queueAlert(userId: number, alert: Alert): Promise<number> {
    const channels = (await this.deps.channels.list(userId)).filter((c) => alert.channels.includes(c.id));
    if (channels.length === 0) return 0;
    const now = this.clock();
    const firing = { alertId: alert.id, firedAt: alert.triggeredAt ?? now };
    // One wording per language and number format, shared by the channels that read it.
    const byLocale = new Map<string, { locale: LocaleChoice; ids: string[] }>();
    for (const channel of channels) {
      const key = `${channel.locale.language}|${channel.locale.formatLocale}`;
      const group = byLocale.get(key) ?? { locale: channel.locale, ids: [] };
      group.ids.push(channel.id);
      byLocale.set(key, group);
    }
    let added = 0;
    for (const { locale, ids } of byLocale.values())
      added += (await this.deps.deliveries.enqueue(userId, ids, alertMessage(alert, locale), firing, now))
        .length;
    if (added > 0) this.wake();
    return added;
  }

  /** Queues a test message to one of the user's channels; returns its delivery id, or null for no such channel. */
  async queueTest(userId: number, channelId: string): Promise<string | null> {
    const channel = await this.deps.channels.get(userId, channelId);
    if (!channel) return null;
    const now = this.clock();
    const [id] = await this.deps.deliveries.enqueue(
      userId,
      [channelId],
      testMessage(now, channel.locale),
      null,
      now,
    );
    this.wake();
    return id ?? null;
  }

  /** Takes what is due now (up to `limit`) and sends it; resolves when every one has been recorded. */
  async deliverDue(limit = this.concurrency): Promise<DeliveryOutcome[]> {
    const claimed = await this.deps.deliveries.claimDue(this.workerId, this.clock(), this.leaseMs, limit);
    return Promise.all(claimed.map((delivery) => this.deliver(delivery)));
  }

  /** Deletes the sent and failed deliveries older than keepMs; returns how many. */
  async prune(): Promise<number> {
    const now = this.clock();
    this.prunedAt = now;
    return this.deps.deliveries.prune(now - (this.deps.keepMs ?? 30 * 86_400_000));
  }

  /** Starts sending in the background: at once, on every wake(), and every pollMs. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.pump();
  }

  /** Something was queued: look now rather than at the next poll. */
  wake(): void {
    if (this.running) this.pump();
  }

  /** Stops taking deliveries and waits for the sends under way to be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A claim under way may still start sends: wait for it, then for every send it started.
    while (this.pumping || this.inFlight.size > 0) await Promise.allSettled([this.pumping, ...this.inFlight]);
  }

  private pump(): void {
    if (!this.running) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    if (this.clock() - this.prunedAt >= PRUNE_EVERY_MS)
      this.prune().catch((err: unknown) => this.deps.log?.error({ err }, 'could not prune alert deliveries'));
    const free = this.concurrency - this.inFlight.size;
    this.pumping = this.deps.deliveries
      .claimDue(this.workerId, this.clock(), this.leaseMs, free)
      .then((claimed) => {
        for (const delivery of claimed) {
          const sending: Promise<unknown> = this.deliver(delivery).finally(() => {
            this.inFlight.delete(sending);
            this.pump();
          });
          this.inFlight.add(sending);
        }
        // A full batch may mean more are due.
        if (claimed.length > 0 && claimed.length === free) this.pumpAgain = true;
      })
      .catch((err: unknown) => this.deps.log?.error({ err }, 'could not take due alert deliveries'))
      .finally(() => {
        this.pumping = null;
        if (this.pumpAgain && this.running) {
          this.pumpAgain = false;
          this.pump();
        } else this.schedule();
      });
  }

  private schedule(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, this.deps.pollMs ?? 5_000);
    this.timer.unref?.();
  }

  /** One attempt of one taken delivery: send, then record; never throws. */
  private async deliver(delivery: Delivery): Promise<DeliveryOutcome> {
    const result = await this.attempt(delivery);
    const now = this.clock();
    const { deliveries, channels } = this.deps;
    const base = {
      deliveryId: delivery.id,
      channelId: delivery.channelId,
      userId: delivery.userId,
      attempts: delivery.attempts,
      result,
    };
    let outcome: DeliveryOutcome;
    try {
      if (result.ok) {
        await deliveries.markSent(delivery.id, this.workerId, now);
        await channels.recordOk(delivery.channelId, now);
        outcome = { ...base, status: 'sent' };
      } else {
        const stored = storedFailure(result);
        const next = nextAttemptAt(
          result,
          delivery.attempts,
          now,
          this.deps.retryDelaysMs ?? RETRY_DELAYS_MS,
        );
        if (next === null) await deliveries.markFailed(delivery.id, this.workerId, stored);
        else await deliveries.markRetry(delivery.id, this.workerId, stored, next);
        await channels.recordFailure(delivery.channelId, stored, now);
        outcome =
          next === null
            ? { ...base, status: 'failed' }
            : { ...base, status: 'retrying', nextAttemptAt: next };
        this.deps.log?.warn(
          {
            delivery: delivery.id,
            channel: delivery.channelId,
            code: result.code,
            attempts: delivery.attempts,
          },
          next === null ? 'alert delivery failed for good' : 'alert delivery failed; retrying later',
        );
      }
    } catch (err) {
      // Unrecorded: the lease runs out and the delivery is sent again (receivers drop it by its id).
      this.deps.log?.error({ err, delivery: delivery.id }, 'could not record an alert delivery');
      outcome = { ...base, status: 'retrying' };
    }
    this.deps.onOutcome?.(outcome);
    return outcome;
  }

  private async attempt(delivery: Delivery): Promise<SendResult> {
    let channel: ChannelTarget | null;
    try {
      channel = await this.deps.channels.target(delivery.channelId);
    } catch (error) {
      if (error instanceof SecretError)
        return failure('SECRET_UNREADABLE', 'secretUnreadable', {}, { retry: false });
      return failure('FAILED', 'failed', {}, { retry: true });
    }
    if (!channel) return failure('FAILED', 'failed', {}, { retry: false });
    const send = this.deps.send ?? sendToChannel;
    const message = { ...delivery.message, id: delivery.id };
    try {
      return await send(channel, message, this.deps.sendOptions);
    } catch {
      return failure('FAILED', 'failed', {}, { retry: true });
    }
  }
}
