import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { prepareChannel } from '../../../server/alerts/channels/channel-kinds';
import { failureWords } from '../../../server/alerts/channels/send-result';
import { ENGLISH } from '../../../server/errors';
import { createKeyRing } from '../../../server/secrets/key-ring';
import { ChannelStore } from '../../../server/store/channel-store';
import { firedAlert, standInOptions } from '../../support/alert-stand-ins/fixtures';
import { startNtfyServer } from '../../support/alert-stand-ins/ntfy-server';
import {
  addUser,
  closing,
  firedFor,
  outboxOn,
  webhookChannel,
} from '../../support/alert-stand-ins/outbox-setup';
import { startSmtpStandIn } from '../../support/alert-stand-ins/smtp-server';
import { startTelegramApi } from '../../support/alert-stand-ins/telegram-api';
import { startWebhookReceiver } from '../../support/alert-stand-ins/webhook-receiver';
import { useDatabases } from '../../support/storage';

describe('the alert outbox', () => {
  const database = useDatabases('sqlite');

  it('[N3] a fired alert reaches each of its owner’s channels once, and no one else’s', async () => {
    const storage = await (await database()).open();
    const telegramApi = closing(await startTelegramApi());
    const { channels, outbox } = outboxOn(storage, {
      sendOptions: standInOptions({ telegramApiUrl: telegramApi.url }),
    });
    const alice = await addUser(storage, 'alice');
    const bob = await addUser(storage, 'bob');
    const receiver = closing(await startWebhookReceiver());
    const ntfy = closing(await startNtfyServer());
    const smtp = closing(await startSmtpStandIn());
    const others = closing(await startWebhookReceiver());
    await webhookChannel(channels, alice, receiver);
    await channels.insert(
      alice,
      prepareChannel({ kind: 'ntfy', name: 'phone', config: { url: `${ntfy.url}/btc` } }),
    );
    await channels.insert(
      alice,
      prepareChannel({
        kind: 'telegram',
        name: 'chat',
        config: { chatId: '123456789' },
        botToken: telegramApi.token,
      }),
    );
    await channels.insert(
      alice,
      prepareChannel({
        kind: 'email',
        name: 'mail',
        config: {
          host: '127.0.0.1',
          port: smtp.port,
          security: 'none',
          from: 'a@livefolio.test',
          to: 'me@x.test',
        },
      }),
    );
    await webhookChannel(channels, bob, others);

    const alert = await firedFor(channels, alice);
    expect(await outbox.queueAlert(alice, alert)).toBe(4);
    // Another instance (or a repeated call) queuing the same firing adds nothing.
    expect(await outbox.queueAlert(alice, alert)).toBe(0);
    const outcomes = await outbox.deliverDue();
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(await outbox.deliverDue()).toEqual([]);

    const line = 'BTC/USDT on binance is above 50000 (last 50012.5)';
    expect((await receiver.received.atLeast(1))[0]).toMatchObject({ verified: true, body: { text: line } });
    expect((await ntfy.messages.atLeast(1))[0]?.message).toBe(line);
    expect((await telegramApi.sent.atLeast(1))[0]?.text).toBe(`Livefolio alert\n${line}`);
    expect((await smtp.mails.atLeast(1))[0]?.subject).toBe(`Livefolio alert: ${line}`);
    expect(receiver.received.all).toHaveLength(1);
    expect(others.received.all).toEqual([]);
    for (const channel of await channels.list(alice)) expect(channel.lastOkAt).not.toBeNull();
  });

  it('[N3] a fired alert goes only to the channels it names, and not to one deleted since', async () => {
    const storage = await (await database()).open();
    const { channels, outbox } = outboxOn(storage);
    const alice = await addUser(storage, 'alice');
    const [named, skipped, deleted] = [
      closing(await startWebhookReceiver()),
      closing(await startWebhookReceiver()),
      closing(await startWebhookReceiver()),
    ];
    const namedId = (await webhookChannel(channels, alice, named)).id;
    await webhookChannel(channels, alice, skipped);
    const deletedId = (await webhookChannel(channels, alice, deleted)).id;
    expect(await channels.remove(alice, deletedId)).toBe(true);

    const alert = firedAlert({ channels: [namedId, deletedId] });
    expect(await outbox.queueAlert(alice, alert)).toBe(1);
    expect((await outbox.deliverDue()).map((o) => o.channelId)).toEqual([namedId]);
    expect((await named.received.atLeast(1))[0]?.body.alert).toMatchObject({ id: alert.id });
    expect(skipped.received.all).toEqual([]);
    expect(deleted.received.all).toEqual([]);
    // An alert for the open tabs only queues nothing.
    expect(await outbox.queueAlert(alice, firedAlert({ channels: [] }))).toBe(0);
  });

  it('[N5] a hanging receiver is cut off at the timeout; the other deliveries go through meanwhile', async () => {
    const storage = await (await database()).open();
    const { channels, outbox, outcomes } = outboxOn(storage, {
      sendOptions: standInOptions({ timeoutMs: 400 }),
    });
    const alice = await addUser(storage, 'alice');
    const stuck = closing(await startWebhookReceiver());
    const fine = closing(await startWebhookReceiver());
    const stuckChannel = await webhookChannel(channels, alice, stuck);
    const fineChannel = await webhookChannel(channels, alice, fine);
    stuck.answers.push('hang');
    await outbox.queueAlert(alice, await firedFor(channels, alice));

    const started = Date.now();
    const all = outbox.deliverDue();
    const [firstDone] = await outcomes.atLeast(1);
    // The good channel was recorded while the stuck one was still held open.
    expect(firstDone).toMatchObject({ channelId: fineChannel.id, status: 'sent' });
    expect(stuck.hanging.all).toHaveLength(1);
    const [, late] = await outcomes.atLeast(2);
    expect(late).toMatchObject({ channelId: stuckChannel.id, status: 'retrying' });
    expect(late?.result).toMatchObject({ ok: false, code: 'TIMEOUT', retry: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(Date.now() - started).toBeLessThan(3_000);
    await all;
    const error = (await channels.get(alice, stuckChannel.id))?.lastError;
    expect(failureWords(error!, ENGLISH)).toBe(
      `127.0.0.1:${stuck.port} did not answer within 1 s; the alert is sent again later.`,
    );
  });

  it('[N3] a queued delivery survives a restart, and one whose sender died is sent once its lease has passed', async () => {
    const db = await database();
    const before = await db.open();
    const alice = await addUser(before, 'alice');
    const receiver = closing(await startWebhookReceiver());
    const first = outboxOn(before);
    await webhookChannel(first.channels, alice, receiver);
    await first.outbox.queueAlert(alice, await firedFor(first.channels, alice));
    await first.outbox.queueAlert(alice, await firedFor(first.channels, alice));
    // One of the two is taken by a worker that then dies without a word.
    const [taken] = await first.deliveries.claimDue('dead-worker', first.clock.now, 60_000, 1);
    await before.close();

    const after = outboxOn(await db.open());
    const [outcome] = await after.outbox.deliverDue();
    expect(outcome).toMatchObject({ status: 'sent' });
    expect(outcome?.deliveryId).not.toBe(taken?.id);
    after.clock.advance(60_000);
    expect(await after.outbox.deliverDue()).toEqual([]);
    after.clock.advance(1);
    expect(await after.outbox.deliverDue()).toMatchObject([
      { deliveryId: taken?.id, status: 'sent', attempts: 2 },
    ]);
    expect((await receiver.received.atLeast(2)).map((h) => h.verified)).toEqual([true, true]);
  });

  it('[N3] the running worker sends what is queued at once and retries by itself', async () => {
    const storage = await (await database()).open();
    const { channels, outbox, outcomes } = outboxOn(storage, {
      clock: Date.now,
      retryDelaysMs: [50, 50],
      pollMs: 20,
    });
    onTestFinished(() => outbox.stop());
    const alice = await addUser(storage, 'alice');
    const receiver = closing(await startWebhookReceiver());
    await webhookChannel(channels, alice, receiver);
    receiver.answers.push({ status: 500 });
    outbox.start();
    await outbox.queueAlert(alice, await firedFor(channels, alice));
    const done = await outcomes.atLeast(2);
    expect(done.map((o) => o.status)).toEqual(['retrying', 'sent']);
    expect((await receiver.received.atLeast(2)).map((h) => h.status)).toEqual([500, 204]);
  });

  it('[N7] a secret the master key cannot open fails the delivery for good, with words that say why', async () => {
    const storage = await (await database()).open();
    const alice = await addUser(storage, 'alice');
    const receiver = closing(await startWebhookReceiver());
    const sealedElsewhere = new ChannelStore(storage, createKeyRing(randomBytes(32)));
    await webhookChannel(sealedElsewhere, alice, receiver);
    const { outbox, channels } = outboxOn(storage);
    await outbox.queueAlert(alice, await firedFor(channels, alice));
    expect(await outbox.deliverDue()).toMatchObject([
      { status: 'failed', result: { code: 'SECRET_UNREADABLE' } },
    ]);
    expect(receiver.received.all).toEqual([]);
    const [channel] = await channels.list(alice);
    expect(failureWords(channel!.lastError!, ENGLISH)).toContain(
      "cannot be opened with this server's SECRET_KEY",
    );
  });

  it("[N1] the message is worded in the owner's language when queued, the alert's note after the line", async () => {
    const storage = await (await database()).open();
    const { channels, outbox } = outboxOn(storage);
    const alice = await addUser(storage, 'alice');
    const ntfy = closing(await startNtfyServer());
    const german = { language: 'de', formatLocale: 'de-DE' } as const;
    await channels.insert(alice, {
      ...prepareChannel({ kind: 'ntfy', name: 'phone', config: { url: `${ntfy.url}/a` } }),
      locale: german,
    });
    await outbox.queueAlert(
      alice,
      await firedFor(channels, alice, { condition: 'below', price: '0.5', note: 'nachkaufen' }),
    );
    await outbox.deliverDue();
    expect((await ntfy.messages.atLeast(1))[0]).toMatchObject({
      title: 'Livefolio-Alarm',
      message: 'BTC/USDT auf binance liegt unter 0.5 (zuletzt 50012.5): nachkaufen',
    });
  });

  it('[N3] a test message goes to the one channel asked for', async () => {
    const storage = await (await database()).open();
    const { channels, outbox } = outboxOn(storage);
    const alice = await addUser(storage, 'alice');
    const bob = await addUser(storage, 'bob');
    const receiver = closing(await startWebhookReceiver());
    const channel = await webhookChannel(channels, alice, receiver);
    expect(await outbox.queueTest(bob, channel.id)).toBeNull();
    const id = await outbox.queueTest(alice, channel.id);
    await outbox.deliverDue();
    expect((await receiver.received.atLeast(1))[0]).toMatchObject({
      deliveryId: id,
      event: 'channel.test',
      verified: true,
      body: {
        id,
        type: 'channel.test',
        text: 'This is a test from Livefolio: your price alerts will reach you here.',
      },
    });
  });

  it('[N3] sent and failed deliveries are kept 30 days for the UI, then deleted; waiting ones stay', async () => {
    const storage = await (await database()).open();
    const { channels, deliveries, outbox, clock } = outboxOn(storage);
    const alice = await addUser(storage, 'alice');
    const receiver = closing(await startWebhookReceiver());
    await webhookChannel(channels, alice, receiver);
    receiver.answers.push({ status: 204 }, { status: 410 }, { status: 503 });
    for (let i = 0; i < 3; i++) await outbox.queueAlert(alice, await firedFor(channels, alice));
    await outbox.deliverDue();
    expect((await deliveries.list(alice)).map((d) => d.status).sort()).toEqual(['failed', 'pending', 'sent']);
    clock.advance(30 * 86_400_000);
    expect(await outbox.prune()).toBe(0);
    clock.advance(1);
    expect(await outbox.prune()).toBe(2);
    expect((await deliveries.list(alice)).map((d) => d.status)).toEqual(['pending']);
  });
});
