/**
 * The kinds of alert channel and what each keeps (docs/alert-channels.md N1): its settings, which are shown, and
 * its one secret (webhook signing secret, ntfy access token, Telegram bot token, SMTP password), which is sealed
 * and never shown again. What a client sends to add one is checked by lib/api/channels.ts.
 */
import { randomBytes } from 'node:crypto';
import type { NewChannelBody } from '../../../lib/api/channels';
import type { LocaleChoice } from '../../../lib/i18n/locales';

export { CHANNEL_KINDS, TELEGRAM_TOKEN } from '../../../lib/api/channels';
export type { ChannelKind } from '../../../lib/api/channels';

export interface WebhookConfig {
  url: string;
}

export interface NtfyConfig {
  /** The topic's URL, e.g. https://ntfy.sh/my-alerts. */
  url: string;
  /** ntfy's 1 (min) to 5 (max); 3, the default, when absent. */
  priority?: number;
  tags?: string[];
}

export interface TelegramConfig {
  /** A chat's numeric id, or @channelusername. */
  chatId: string;
}

/** How the SMTP connection is secured: TLS from the start (465), STARTTLS required (587), or none. */
export type SmtpSecurity = 'tls' | 'starttls' | 'none';

export interface EmailConfig {
  host: string;
  port: number;
  security: SmtpSecurity;
  user?: string;
  from: string;
  to: string;
}

/** A channel's kind and settings, without its secret. */
export type ChannelSpec =
  | { kind: 'webhook'; config: WebhookConfig }
  | { kind: 'ntfy'; config: NtfyConfig }
  | { kind: 'telegram'; config: TelegramConfig }
  | { kind: 'email'; config: EmailConfig };

/** A channel ready to send: its settings and its secret in the clear (only for a sender, never an answer). */
export type ChannelTarget = ChannelSpec & { secret: string | null };

/** A channel as the server takes it in: the kind, a name, the settings, and the secret under its own name. */
export type ChannelInput =
  | { kind: 'webhook'; name: string; config: WebhookConfig }
  | { kind: 'ntfy'; name: string; config: NtfyConfig; token?: string }
  | { kind: 'telegram'; name: string; config: TelegramConfig; botToken: string }
  | { kind: 'email'; name: string; config: EmailConfig; password?: string };

/** The input of a checked request body (lib/api/channels.ts), whose settings and secret are flat. */
export function channelInputOf(body: NewChannelBody): ChannelInput {
  switch (body.kind) {
    case 'webhook':
      return { kind: 'webhook', name: body.name, config: { url: body.url } };
    case 'ntfy': {
      const { url, priority, tags, secret } = body;
      return {
        kind: 'ntfy',
        name: body.name,
        config: { url, ...(priority === undefined ? {} : { priority }), ...(tags ? { tags } : {}) },
        ...(secret === undefined ? {} : { token: secret }),
      };
    }
    case 'telegram':
      return { kind: 'telegram', name: body.name, config: { chatId: body.chatId }, botToken: body.secret };
    case 'email': {
      const { host, port, security, user, from, to, secret } = body;
      return {
        kind: 'email',
        name: body.name,
        config: { host, port, security, ...(user === undefined ? {} : { user }), from, to },
        ...(secret === undefined ? {} : { password: secret }),
      };
    }
  }
}

/** A new channel as the store keeps it: the input's settings and its one secret. */
export interface NewChannel {
  name: string;
  spec: ChannelSpec;
  secret: string | null;
  /** The language its messages are worded in: the one of the request that added it (English when absent). */
  locale?: LocaleChoice;
}

/** A webhook's signing secret: made by the server, shown once at creation. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** The channel to store for checked input; a webhook gets its signing secret here. */
export function prepareChannel(input: ChannelInput): NewChannel {
  switch (input.kind) {
    case 'webhook':
      return {
        name: input.name,
        spec: { kind: 'webhook', config: input.config },
        secret: newWebhookSecret(),
      };
    case 'ntfy':
      return { name: input.name, spec: { kind: 'ntfy', config: input.config }, secret: input.token ?? null };
    case 'telegram':
      return { name: input.name, spec: { kind: 'telegram', config: input.config }, secret: input.botToken };
    case 'email':
      return {
        name: input.name,
        spec: { kind: 'email', config: input.config },
        secret: input.password ?? null,
      };
  }
}
