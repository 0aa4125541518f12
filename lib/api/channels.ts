/**
 * The alert channel routes' contract (docs/alert-channels.md N8–N11): list, add, delete and test the places a
 * user's alerts go besides the open tabs. A channel's secret goes to the server once and never comes back; the
 * webhook's signing secret, which the server makes, is in the answer that creates it and nowhere else.
 */
import * as z from 'zod/mini';
import { defineRoute, deletedAnswer, epochMs, idParams } from './contract';

export const CHANNEL_KINDS = ['webhook', 'ntfy', 'telegram', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Why a send failed (N4); the page words each one. */
export const FAILURE_CODES = [
  'TIMEOUT',
  'UNREACHABLE',
  'REFUSED_TARGET',
  'TLS',
  'HTTP_STATUS',
  'RATE_LIMITED',
  'REJECTED',
  'BAD_ANSWER',
  'SECRET_UNREADABLE',
  'FAILED',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** The channels a user may have. */
export const MAX_CHANNELS = 20;
export const MAX_CHANNEL_NAME_LENGTH = 80;
/** The last sends shown with each channel. */
export const RECENT_DELIVERIES = 3;

/** The Bot API's token form: the bot's id, a colon, 35 characters. */
export const TELEGRAM_TOKEN = /^\d{1,20}:[A-Za-z0-9_-]{35}$/;

const name = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_CHANNEL_NAME_LENGTH));
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
  .check(z.maxLength(2000, 'expected at most 2000 characters'));
const address = z.email({ error: 'expected an email address' }).check(z.maxLength(320));

const webhookBody = z.strictObject({ kind: z.literal('webhook'), name, url: httpUrl });
const ntfyBody = z.strictObject({
  kind: z.literal('ntfy'),
  name,
  url: httpUrl,
  priority: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
  tags: z.optional(
    z
      .array(z.string().check(z.regex(/^[A-Za-z0-9_+-]{1,40}$/, 'expected letters, digits, _ + -')))
      .check(z.maxLength(5)),
  ),
  /** The topic's access token. */
  secret: z.optional(
    z.string().check(z.regex(/^tk_[A-Za-z0-9]{10,64}$/, 'expected an ntfy access token (tk_…)')),
  ),
});
const telegramBody = z.strictObject({
  kind: z.literal('telegram'),
  name,
  chatId: z
    .string()
    .check(
      z.regex(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/, 'expected a chat id (digits) or @channelname'),
    ),
  /** The bot token. */
  secret: z
    .string({ error: 'expected a bot token from @BotFather' })
    .check(z.regex(TELEGRAM_TOKEN, 'expected a bot token from @BotFather (<digits>:<35 characters>)')),
});
const emailBody = z.strictObject({
  kind: z.literal('email'),
  name,
  host: z
    .string()
    .check(z.regex(/^[A-Za-z0-9.-]{1,253}$|^\[?[0-9A-Fa-f:.]+\]?$/, 'expected a host name or address')),
  port: z.int().check(z.minimum(1), z.maximum(65535)),
  security: z.enum(['tls', 'starttls', 'none']),
  user: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  from: address,
  to: address,
  /** The SMTP password. */
  secret: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});

/** What adding a channel sends: its kind, a name, the kind's settings and its secret, if it takes one. */
export const newChannelBody = z.discriminatedUnion('kind', [webhookBody, ntfyBody, telegramBody, emailBody], {
  error: 'expected one of webhook, ntfy, telegram, email',
});
export type NewChannelBody = z.output<typeof newChannelBody>;

const failureShown = z.object({ code: z.enum(FAILURE_CODES), message: z.string() });

/** One send of one message to a channel, as the page shows it. */
export const channelDelivery = z
  .object({
    id: z.string(),
    type: z.enum(['alert.triggered', 'channel.test']),
    /** pending: not sent yet (with `error`, it failed and is tried again at `nextAttemptAt`). */
    status: z.enum(['pending', 'sent', 'failed']),
    attempts: z.int(),
    createdAt: epochMs,
    sentAt: z.nullable(epochMs),
    nextAttemptAt: z.nullable(epochMs),
    /** The last failure, in the request's language. */
    error: z.nullable(failureShown),
  })
  .register(z.globalRegistry, { id: 'ChannelDelivery' });
export type ChannelDelivery = z.output<typeof channelDelivery>;

/** A channel's settings as shown: everything but its secret. */
const settingsShown = z.object({
  url: z.optional(z.string()),
  priority: z.optional(z.int()),
  tags: z.optional(z.array(z.string())),
  chatId: z.optional(z.string()),
  host: z.optional(z.string()),
  port: z.optional(z.int()),
  security: z.optional(z.enum(['tls', 'starttls', 'none'])),
  user: z.optional(z.string()),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
});

/** A channel as its owner's list shows it: never its secret, only whether it has one. */
export const alertChannel = z
  .object({
    id: z.string(),
    kind: z.enum(CHANNEL_KINDS),
    name: z.string(),
    settings: settingsShown,
    hasSecret: z.boolean(),
    createdAt: epochMs,
    /** The last send that went through. */
    lastOkAt: z.nullable(epochMs),
    /** The last send that failed, in the request's language, and when. */
    lastError: z.nullable(failureShown),
    lastErrorAt: z.nullable(epochMs),
    /** The last few sends, newest first. */
    recent: z.array(channelDelivery),
  })
  .register(z.globalRegistry, { id: 'AlertChannel' });
export type AlertChannel = z.output<typeof alertChannel>;

export const channelsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/channels',
    rule: 'N8',
    summary: "The user's alert channels, oldest first, with how their last sends went",
    access: 'user',
    answer: z.object({ channels: z.array(alertChannel) }),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/v1/channels',
    rule: 'N9',
    summary:
      "Adds a channel; a webhook's `signingSecret` is made by the server and is in this answer only (N7)",
    access: 'user',
    body: newChannelBody,
    status: 201,
    answer: z.object({ channel: alertChannel, signingSecret: z.optional(z.string()) }),
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/v1/channels/:id',
    rule: 'N10',
    summary: 'Deletes a channel, its secret and its queued sends',
    access: 'user',
    params: idParams,
    answer: deletedAnswer,
  }),
  test: defineRoute({
    method: 'POST',
    path: '/api/v1/channels/:id/test',
    rule: 'N11',
    summary: 'Queues a test message to the channel; the list shows how it went',
    access: 'user',
    params: idParams,
    body: z.object({}),
    status: 202,
    answer: z.object({ delivery: channelDelivery }),
  }),
};
