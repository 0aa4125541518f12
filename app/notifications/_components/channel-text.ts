/** The words of the Notifications page that follow from data: a channel's state, a send's outcome, a form's body. */
import type { AlertChannel, ChannelDelivery, ChannelKind, NewChannelBody } from '../../../lib/api/channels';
import type { Translate } from '../../../lib/i18n/messages/en';

type T = Translate<'notifications'>;

/** The catalog key of each kind's name. */
export const KIND_KEYS = {
  webhook: 'kindWebhook',
  ntfy: 'kindNtfy',
  telegram: 'kindTelegram',
  email: 'kindEmail',
} as const satisfies Record<ChannelKind, string>;

/** Where a channel sends, in a few words: its URL, its chat, or its mailbox and server. */
export function targetText(t: T, channel: AlertChannel): string {
  const { settings } = channel;
  if (channel.kind === 'telegram') return t('chat', { chat: settings.chatId ?? '' });
  if (channel.kind === 'email') return t('mailRoute', { to: settings.to ?? '', host: settings.host ?? '' });
  return settings.url ?? '';
}

/** Whether the channel's last send failed (a later success clears it). */
export const isFailing = (channel: AlertChannel): boolean =>
  channel.lastErrorAt !== null && (channel.lastOkAt === null || channel.lastErrorAt > channel.lastOkAt);

/** How one send went: sent when, waiting, failed and tried again when, or failed for good. */
export function deliveryText(t: T, d: ChannelDelivery, time: (ms: number) => string): string {
  const message = d.error?.message ?? '';
  if (d.status === 'sent') return t('deliverySent', { date: time(d.sentAt ?? d.createdAt) });
  if (d.status === 'failed') return t('deliveryFailed', { message });
  return d.error === null
    ? t('deliveryPending')
    : t('deliveryRetrying', { message, date: time(d.nextAttemptAt ?? d.createdAt) });
}

/** What became of a test: on its way (also while not yet on the list), delivered, or failed for good or for now. */
export function testOutcomeText(t: T, d: ChannelDelivery | undefined, time: (ms: number) => string): string {
  if (!d || (d.status === 'pending' && d.error === null)) return t('testWaiting');
  if (d.status === 'sent') return t('testSent');
  const message = d.error?.message ?? '';
  if (d.status === 'failed') return t('testFailed', { message });
  return t('testRetrying', { message, date: time(d.nextAttemptAt ?? d.createdAt) });
}

/** The request body of the add form as filled in (`read` gives a field's text); empty optional fields left out. */
export function channelBody(read: (name: string) => string, kind: ChannelKind): NewChannelBody {
  const text = (name: string) => read(name).trim();
  const name = text('name');
  const secret = text('secret');
  switch (kind) {
    case 'webhook':
      return { kind, name, url: text('url') };
    case 'ntfy': {
      const priority = text('priority');
      return {
        kind,
        name,
        url: text('url'),
        ...(priority ? { priority: Number(priority) } : {}),
        ...(secret ? { secret } : {}),
      };
    }
    case 'telegram':
      return { kind, name, chatId: text('chatId'), secret };
    case 'email': {
      const user = text('user');
      // A password is sent as typed: spaces may be part of it.
      const password = read('secret');
      return {
        kind,
        name,
        host: text('host'),
        port: Number(text('port')),
        security: text('security') as 'tls' | 'starttls' | 'none',
        ...(user ? { user } : {}),
        ...(password ? { secret: password } : {}),
        from: text('from'),
        to: text('to'),
      };
    }
  }
}

/** The form field a refusal is about: the one its message names ("secret: expected …"), else the target's. */
export function refusedField(message: string, kind: ChannelKind): string {
  const named = /^(\w+):/.exec(message)?.[1];
  if (named && named !== 'request' && named !== 'kind') return named;
  return kind === 'email' ? 'host' : kind === 'telegram' ? 'chatId' : 'url';
}
