import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { newChannelBody } from '../../../lib/api/channels';
import { channelInputOf, prepareChannel } from '../../../server/alerts/channels/channel-kinds';
import { botToken } from '../../support/alert-stand-ins/telegram-api';

const ok = (input: unknown) => z.safeParse(newChannelBody, input).success;
const parsed = (input: unknown) => channelInputOf(z.parse(newChannelBody, input));

describe('adding a channel', () => {
  it('[N2] accepts each kind with its settings; a webhook gets a signing secret made by the server', () => {
    const hook = parsed({ kind: 'webhook', name: 'hook', url: 'https://example.org/h' });
    const first = prepareChannel(hook);
    const second = prepareChannel(hook);
    expect(first.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(first.secret).not.toBe(second.secret);
    expect(first.spec).toEqual({ kind: 'webhook', config: { url: 'https://example.org/h' } });

    const token = botToken();
    const telegram = parsed({ kind: 'telegram', name: ' me ', chatId: '-1001234', secret: token });
    expect(prepareChannel(telegram)).toEqual({
      name: 'me',
      spec: { kind: 'telegram', config: { chatId: '-1001234' } },
      secret: token,
    });
    const ntfy = parsed({
      kind: 'ntfy',
      name: 'phone',
      url: 'https://ntfy.sh/alerts',
      priority: 5,
      tags: ['chart'],
      secret: 'tk_abcdefghij0123',
    });
    expect(prepareChannel(ntfy)).toEqual({
      name: 'phone',
      spec: { kind: 'ntfy', config: { url: 'https://ntfy.sh/alerts', priority: 5, tags: ['chart'] } },
      secret: 'tk_abcdefghij0123',
    });
    const mail = parsed({
      kind: 'email',
      name: 'mail',
      host: 'smtp.example.org',
      port: 465,
      security: 'tls',
      from: 'a@example.org',
      to: 'b@example.org',
    });
    expect(prepareChannel(mail)).toEqual({
      name: 'mail',
      spec: {
        kind: 'email',
        config: {
          host: 'smtp.example.org',
          port: 465,
          security: 'tls',
          from: 'a@example.org',
          to: 'b@example.org',
        },
      },
      secret: null,
    });
  });

  it('[N6] refuses a URL that is not http: or https:, and settings of the wrong form', () => {
    expect(ok({ kind: 'webhook', name: 'x', url: 'ftp://example.org/h' })).toBe(false);
    expect(ok({ kind: 'webhook', name: 'x', url: 'javascript:alert(1)' })).toBe(false);
    expect(ok({ kind: 'webhook', name: 'x', url: 'https://example.org/h', secret: 'whsec_x' })).toBe(false);
    expect(ok({ kind: 'ntfy', name: 'x', url: 'https://ntfy.sh/a', priority: 6 })).toBe(false);
    expect(ok({ kind: 'telegram', name: 'x', chatId: '1', secret: '123:short' })).toBe(false);
    expect(ok({ kind: 'telegram', name: 'x', chatId: 'me', secret: botToken() })).toBe(false);
    expect(
      ok({
        kind: 'email',
        name: 'x',
        host: 'smtp.example.org',
        port: 25,
        security: 'none',
        from: 'nobody',
        to: 'b@example.org',
      }),
    ).toBe(false);
    expect(ok({ kind: 'sms', name: 'x' })).toBe(false);
  });
});
