import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { newChannelBody } from '../../../lib/api/channels';
import type { AlertChannel, ChannelDelivery } from '../../../lib/api/channels';
import {
  channelBody,
  deliveryText,
  isFailing,
  refusedField,
  targetText,
  testOutcomeText,
} from '../../../app/notifications/_components/channel-text';
import { translatorFor } from '../../support/i18n';

const t = translatorFor('notifications');
const tDe = translatorFor('notifications', 'de');
const time = (ms: number) => `@${ms}`;

const channel = (over: Partial<AlertChannel> = {}): AlertChannel => ({
  id: 'c1',
  kind: 'webhook',
  name: 'Hook',
  settings: { url: 'https://hooks.example.org/x' },
  hasSecret: true,
  createdAt: 1,
  lastOkAt: null,
  lastError: null,
  lastErrorAt: null,
  recent: [],
  ...over,
});

const delivery = (over: Partial<ChannelDelivery> = {}): ChannelDelivery => ({
  id: 'd1',
  type: 'channel.test',
  status: 'pending',
  attempts: 0,
  createdAt: 10,
  sentAt: null,
  nextAttemptAt: 10,
  error: null,
  ...over,
});

const refusal = { code: 'HTTP_STATUS' as const, message: 'hooks.example.org answered with HTTP status 500.' };

describe('the Notifications page text', () => {
  it('[N8] names each channel by where it sends, and fails until a later send goes through', () => {
    expect(targetText(t, channel())).toBe('https://hooks.example.org/x');
    expect(targetText(t, channel({ kind: 'telegram', settings: { chatId: '42' } }))).toBe('Chat 42');
    expect(
      targetText(
        tDe,
        channel({ kind: 'email', settings: { host: 'smtp.example.org', to: 'me@example.org' } }),
      ),
    ).toBe('me@example.org über smtp.example.org');
    expect(isFailing(channel())).toBe(false);
    expect(isFailing(channel({ lastErrorAt: 5, lastError: refusal }))).toBe(true);
    expect(isFailing(channel({ lastErrorAt: 5, lastError: refusal, lastOkAt: 6 }))).toBe(false);
    expect(isFailing(channel({ lastErrorAt: 7, lastError: refusal, lastOkAt: 6 }))).toBe(true);
  });

  it('[N4][N11] says how a send and a test went: waiting, delivered, retrying when, failed for good', () => {
    expect(testOutcomeText(t, undefined, time)).toBe('Test queued; waiting for the answer…');
    expect(testOutcomeText(t, delivery(), time)).toBe('Test queued; waiting for the answer…');
    expect(testOutcomeText(t, delivery({ status: 'sent', sentAt: 20 }), time)).toBe('Test delivered.');
    expect(testOutcomeText(t, delivery({ status: 'failed', error: refusal }), time)).toBe(
      `Test failed: ${refusal.message}`,
    );
    expect(testOutcomeText(t, delivery({ error: refusal, nextAttemptAt: 40 }), time)).toBe(
      `Test not delivered yet (${refusal.message}); trying again @40.`,
    );
    expect(deliveryText(t, delivery({ status: 'sent', sentAt: 20 }), time)).toBe('sent @20');
    expect(deliveryText(tDe, delivery({ status: 'failed', error: refusal }), time)).toBe(
      `fehlgeschlagen: ${refusal.message}`,
    );
  });

  it('[N9] builds a body the API takes from each kind of form, leaving out empty optional fields', () => {
    const form = (values: Record<string, string>) => (name: string) => values[name] ?? '';
    const bodies = [
      channelBody(form({ name: ' Hook ', url: 'https://hooks.example.org/x' }), 'webhook'),
      channelBody(form({ name: 'Phone', url: 'https://ntfy.sh/a', priority: '', secret: '' }), 'ntfy'),
      channelBody(form({ name: 'Chat', chatId: '42', secret: `123:${'a'.repeat(35)}` }), 'telegram'),
      channelBody(
        form({
          name: 'Mail',
          host: 'smtp.example.org',
          port: '587',
          security: 'starttls',
          user: '',
          secret: ' pass word ',
          from: 'a@example.org',
          to: 'b@example.org',
        }),
        'email',
      ),
    ];
    for (const body of bodies)
      expect(z.safeParse(newChannelBody, body).success, JSON.stringify(body)).toBe(true);
    expect(bodies[1]).toEqual({ kind: 'ntfy', name: 'Phone', url: 'https://ntfy.sh/a' });
    expect(bodies[3]).toMatchObject({ port: 587, secret: ' pass word ' });
    expect(bodies[3]).not.toHaveProperty('user');
    expect(channelBody(form({ name: 'P', url: 'https://ntfy.sh/a', priority: '5' }), 'ntfy')).toMatchObject({
      priority: 5,
    });
  });

  it('[N9] points a refusal at the field it names, else at the target', () => {
    expect(refusedField('secret: expected a bot token from @BotFather', 'telegram')).toBe('secret');
    expect(refusedField('from: expected an email address', 'email')).toBe('from');
    expect(refusedField('127.0.0.1 leads to 127.0.0.1, a private or local address', 'webhook')).toBe('url');
    expect(refusedField('10.0.0.5 leads to 10.0.0.5 …', 'email')).toBe('host');
  });
});
