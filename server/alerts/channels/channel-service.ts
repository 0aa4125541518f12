/**
 * What the channel routes do (docs/alert-channels.md N8–N11): a user's channels as the page shows them, adding one
 * (its target checked now, not only when an alert is sent), deleting one and queueing a test message. Every call
 * names the user: another user's channel is a missing one (A7).
 */
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { MAX_CHANNELS, RECENT_DELIVERIES } from '../../../lib/api/channels';
import type { AlertChannel, ChannelDelivery, NewChannelBody } from '../../../lib/api/channels';
import type { LocaleChoice } from '../../../lib/i18n/locales';
import { AppError, text } from '../../errors';
import type { ChannelStore, StoredChannel } from '../../store/channel-store';
import type { Delivery, DeliveryStore } from '../../store/delivery-store';
import { channelInputOf, prepareChannel } from './channel-kinds';
import type { Outbox } from './outbox';
import { failureWords } from './send-result';
import type { StoredFailure } from './send-result';
import { checkHost } from './target-guard';
import type { TargetPolicy } from './target-guard';

/** Test messages a user may ask for per TEST_WINDOW_S: each one makes the server call out. */
export const TEST_POINTS = 5;
export const TEST_WINDOW_S = 60;

/** How long adding a channel waits for its host's name to resolve before it lets the sender judge it later. */
const CHECK_TIMEOUT_MS = 5_000;

export interface ChannelServiceDeps {
  channels: ChannelStore;
  deliveries: DeliveryStore;
  outbox: Outbox;
  /** Where channels may point (ALERT_PRIVATE_TARGETS). */
  policy: TargetPolicy;
  /** Test messages per user (TEST_POINTS per TEST_WINDOW_S). */
  testRequests: RateLimiterAbstract;
  /** A channel was deleted: the alerts that named it no longer do. */
  removed?: (userId: number) => Promise<void>;
  clock?: () => number;
}

const shownFailure = (failure: StoredFailure | null, locale: LocaleChoice) =>
  failure === null ? null : { code: failure.code, message: failureWords(failure, locale) };

/** A delivery as the page shows it. */
export function shownDelivery(delivery: Delivery, locale: LocaleChoice): ChannelDelivery {
  return {
    id: delivery.id,
    type: delivery.message.type,
    status: delivery.status,
    attempts: delivery.attempts,
    createdAt: delivery.createdAt,
    sentAt: delivery.sentAt,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
    error: shownFailure(delivery.lastError, locale),
  };
}

/** A channel as the page shows it: its settings, never its secret. */
function shownChannel(channel: StoredChannel, recent: Delivery[], locale: LocaleChoice): AlertChannel {
  return {
    id: channel.id,
    kind: channel.kind,
    name: channel.name,
    settings: { ...channel.config },
    hasSecret: channel.hasSecret,
    createdAt: channel.createdAt,
    lastOkAt: channel.lastOkAt,
    lastError: shownFailure(channel.lastError, locale),
    lastErrorAt: channel.lastErrorAt,
    recent: recent.map((d) => shownDelivery(d, locale)),
  };
}

/** `promise`'s value, or null once `ms` have passed. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const missing = (id: string) =>
  new AppError('NOT_FOUND', text('channels', 'noChannel', { id: id.slice(0, 100) }));

/** The host a new channel makes the server call, or null (Telegram's is the administrator's, N6). */
function targetHost(body: NewChannelBody): string | null {
  if (body.kind === 'webhook' || body.kind === 'ntfy') return new URL(body.url).hostname;
  if (body.kind === 'email') return body.host;
  return null;
}

export class ChannelService {
  private readonly clock: () => number;

  constructor(private readonly deps: ChannelServiceDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  /** The user's channels, oldest first, each with its last few sends; failures in `locale`'s words. */
  async list(userId: number, locale: LocaleChoice): Promise<AlertChannel[]> {
    const channels = await this.deps.channels.list(userId);
    return Promise.all(
      channels.map(async (channel) => {
        const recent = await this.deps.deliveries.list(userId, {
          channelId: channel.id,
          limit: RECENT_DELIVERIES,
        });
        return shownChannel(channel, recent, locale);
      }),
    );
  }

  /**
   * Adds a channel whose messages are worded in `locale` (the adding request's: an alert fires with no request).
   * Returns it with the webhook's signing secret, which is never shown again.
   */
  async create(
    userId: number,
    body: NewChannelBody,
    locale: LocaleChoice,
  ): Promise<{ channel: AlertChannel; signingSecret?: string }> {
    const host = targetHost(body);
    if (host !== null) {
      // A target the sender would refuse is refused now, in words, rather than as a failure after the first
      // alert. A name that does not resolve yet may well resolve later: only a refused target stops it.
      const checked = await withDeadline(checkHost(host, this.deps.policy), CHECK_TIMEOUT_MS);
      if (checked && !checked.ok && checked.code === 'REFUSED_TARGET')
        throw new AppError('BAD_REQUEST', checked.text);
    }
    if ((await this.deps.channels.count(userId)) >= MAX_CHANNELS)
      throw new AppError('CONFLICT', text('channels', 'tooManyChannels', { max: MAX_CHANNELS }));
    const fresh = { ...prepareChannel(channelInputOf(body)), locale };
    const stored = await this.deps.channels.insert(userId, fresh, this.clock());
    const channel = shownChannel(stored, [], locale);
    return body.kind === 'webhook' && fresh.secret !== null
      ? { channel, signingSecret: fresh.secret }
      : { channel };
  }

  /** Deletes a channel with its secret and its queued sends. */
  async remove(userId: number, id: string): Promise<void> {
    if (!(await this.deps.channels.remove(userId, id))) throw missing(id);
    await this.deps.removed?.(userId);
  }

  /** Queues a test message to the channel (rate limited per user); the list shows how it went. */
  async test(userId: number, id: string, locale: LocaleChoice): Promise<ChannelDelivery> {
    if (!(await this.deps.channels.get(userId, id))) throw missing(id);
    try {
      await this.deps.testRequests.consume(String(userId));
    } catch (refusal) {
      const wait = (refusal as { msBeforeNext?: number }).msBeforeNext ?? 60_000;
      // Seconds as digits alone, as the other refusals write them.
      const seconds = String(Math.ceil(wait / 1000));
      throw new AppError('RATE_LIMITED', text('channels', 'tooManyTests', { seconds }), wait);
    }
    const deliveryId = await this.deps.outbox.queueTest(userId, id);
    const delivery = deliveryId === null ? null : await this.deps.deliveries.get(deliveryId);
    // Deleted between the check and the queueing.
    if (!delivery) throw missing(id);
    return shownDelivery(delivery, locale);
  }
}
