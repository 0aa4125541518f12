/**
 * What the channel routes refuse, through the real server: targets in the server's own network when they are
 * made, input of the wrong form (naming the field), another user's channel, too many channels or tests; and no
 * answer ever carries a secret but the webhook's, once.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CHANNELS } from '../../../lib/api/channels';
import { botToken } from '../../support/alert-stand-ins/telegram-api';
import type { Loose, Stack, Target } from '../../support/stack';
import { api, autoClose, send, signIn } from '../../support/stack';

const { start } = autoClose();
const BOB = { username: 'bob', password: 'bob-password-1' };

async function addBob(stack: Stack): Promise<Target> {
  expect((await send(stack, 'POST', '/api/v1/users', BOB)).status).toBe(201);
  return { url: stack.url, cookie: await signIn(stack.url, BOB) };
}

const hook = (url = 'https://hooks.example.org/livefolio') => ({ kind: 'webhook', name: 'Hook', url });

describe('alert channel refusals', () => {
  it('[N9][N6] a webhook, ntfy or mail target in the local network is refused when the channel is made', async () => {
    const stack = await start();
    const loopback = await send(stack, 'POST', '/api/v1/channels', hook(`${stack.url}/api/v1/alerts`));
    expect(loopback.status).toBe(400);
    expect(loopback.body.error.code).toBe('BAD_REQUEST');
    expect(loopback.body.error.message).toContain('127.0.0.1');
    expect(loopback.body.error.message).toContain('ALERT_PRIVATE_TARGETS');
    const privateNtfy = await send(stack, 'POST', '/api/v1/channels', {
      kind: 'ntfy',
      name: 'Phone',
      url: 'http://192.168.1.20/topic',
    });
    expect(privateNtfy.status).toBe(400);
    expect(privateNtfy.body.error.message).toContain('192.168.1.20');
    const metadata = await send(stack, 'POST', '/api/v1/channels', hook('http://[::ffff:169.254.169.254]/'));
    expect(metadata.status).toBe(400);
    const mail = await send(stack, 'POST', '/api/v1/channels', {
      kind: 'email',
      name: 'Mail',
      host: '10.0.0.5',
      port: 25,
      security: 'none',
      from: 'a@example.org',
      to: 'b@example.org',
    });
    expect(mail.status).toBe(400);
    expect((await send(stack, 'GET', '/api/v1/channels')).body.channels).toEqual([]);
    // German for a German reader.
    const german = await api(stack, '/api/v1/channels', {
      method: 'POST',
      body: JSON.stringify(hook('http://127.0.0.1:9/x')),
      headers: { 'accept-language': 'de' },
    });
    expect(((await german.json()) as Loose).error.message).toMatch(/privat|lokal/);
  });

  it('[N9] input of the wrong form is a 400 naming the field', async () => {
    const stack = await start();
    const refused = async (body: object, field: string) => {
      const res = await send(stack, 'POST', '/api/v1/channels', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message, JSON.stringify(body)).toMatch(new RegExp(`^${field}\\b`));
    };
    await refused({ kind: 'sms', name: 'x', number: '123' }, 'kind');
    await refused({ name: 'x', url: 'https://example.org' }, 'kind');
    await refused(
      { kind: 'telegram', name: 'Chat', chatId: '123456789', secret: '123456:too-short' },
      'secret',
    );
    await refused({ kind: 'telegram', name: 'Chat', chatId: 'me', secret: botToken() }, 'chatId');
    await refused(
      {
        kind: 'email',
        name: 'Mail',
        host: 'smtp.example.org',
        port: 587,
        security: 'starttls',
        from: 'nobody',
        to: 'b@example.org',
      },
      'from',
    );
    await refused({ kind: 'webhook', name: 'Hook', url: 'ftp://example.org/x' }, 'url');
    await refused({ kind: 'webhook', name: '  ', url: 'https://example.org/x' }, 'name');
    // The webhook's secret is the server's to make.
    await refused({ ...hook(), secret: 'whsec_mine' }, '(request|secret)');
    await refused({ kind: 'ntfy', name: 'Phone', url: 'https://ntfy.sh/x', priority: 9 }, 'priority');
  });

  it("[A7][N10][N11] another user's channel is a missing one", async () => {
    const stack = await start();
    const bob = await addBob(stack);
    const made = await send(stack, 'POST', '/api/v1/channels', hook());
    expect(made.status).toBe(201);
    const id = made.body.channel.id as string;
    expect((await send(bob, 'GET', '/api/v1/channels')).body.channels).toEqual([]);
    expect((await send(bob, 'POST', `/api/v1/channels/${id}/test`, {})).status).toBe(404);
    const deleting = await send(bob, 'DELETE', `/api/v1/channels/${id}`);
    expect(deleting.status).toBe(404);
    expect(deleting.body.error.code).toBe('NOT_FOUND');
    expect((await send(stack, 'GET', '/api/v1/channels')).body.channels).toHaveLength(1);
    expect((await send(stack, 'DELETE', `/api/v1/channels/${id}`)).body).toEqual({ deleted: id });
    expect((await send(stack, 'GET', '/api/v1/channels')).body.channels).toEqual([]);
    expect((await send(stack, 'DELETE', `/api/v1/channels/${id}`)).status).toBe(404);
  });

  it(`[N9] a user has at most ${MAX_CHANNELS} channels`, async () => {
    const stack = await start();
    for (let i = 0; i < MAX_CHANNELS; i++)
      expect((await send(stack, 'POST', '/api/v1/channels', hook())).status).toBe(201);
    const over = await send(stack, 'POST', '/api/v1/channels', hook());
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`${MAX_CHANNELS}`),
    });
    // Another user has their own budget.
    const bob = await addBob(stack);
    expect((await send(bob, 'POST', '/api/v1/channels', hook())).status).toBe(201);
  });

  it('[N11] test messages are limited per user: the sixth within a minute is a 429 with Retry-After', async () => {
    const stack = await start();
    const made = await send(stack, 'POST', '/api/v1/channels', hook());
    const path = `/api/v1/channels/${made.body.channel.id as string}/test`;
    for (let i = 0; i < 5; i++) expect((await send(stack, 'POST', path, {})).status).toBe(202);
    const res = await api(stack, path, { method: 'POST', body: '{}' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as Loose).error.code).toBe('RATE_LIMITED');
  });

  it('[N7] no answer carries a secret; the webhook signing secret is in the answer that makes it only', async () => {
    const stack = await start();
    const token = botToken();
    const answers: string[] = [];
    const post = async (body: object) => {
      const res = await api(stack, '/api/v1/channels', { method: 'POST', body: JSON.stringify(body) });
      const text = await res.text();
      expect(res.status, text).toBe(201);
      answers.push(text);
      return JSON.parse(text) as Loose;
    };
    const made = await post(hook());
    const signing = made.signingSecret as string;
    expect(signing).toMatch(/^whsec_/);
    answers.pop();
    await post({
      kind: 'ntfy',
      name: 'Phone',
      url: 'https://ntfy.example.org/t',
      secret: 'tk_secrettoken4242',
    });
    await post({ kind: 'telegram', name: 'Chat', chatId: '123456789', secret: token });
    await post({
      kind: 'email',
      name: 'Mail',
      host: 'smtp.example.org',
      port: 465,
      security: 'tls',
      user: 'me',
      secret: 'smtp-password-4242',
      from: 'a@example.org',
      to: 'b@example.org',
    });
    const listed = await api(stack, '/api/v1/channels');
    answers.push(await listed.text());
    const channels = (JSON.parse(answers.at(-1) ?? '{}') as Loose).channels as Loose[];
    expect(channels.map((c) => [c.kind, c.hasSecret])).toEqual([
      ['webhook', true],
      ['ntfy', true],
      ['telegram', true],
      ['email', true],
    ]);
    const tested = await api(stack, `/api/v1/channels/${channels[2]?.id as string}/test`, {
      method: 'POST',
      body: '{}',
    });
    answers.push(await tested.text());
    const everything = answers.join('\n');
    for (const secret of [signing, 'tk_secrettoken4242', token, 'smtp-password-4242'])
      expect(everything).not.toContain(secret);
  });
});
