import { describe, expect, it } from 'vitest';
import { prepareChannel } from '../../../server/alerts/channels/channel-kinds';
import { failureWords } from '../../../server/alerts/channels/send-result';
import { ENGLISH } from '../../../server/errors';
import {
  addUser,
  closedPort,
  closing,
  firedFor,
  outboxOn,
  webhookChannel,
} from '../../support/alert-stand-ins/outbox-setup';
import { startWebhookReceiver } from '../../support/alert-stand-ins/webhook-receiver';
import { useDatabases } from '../../support/storage';

describe('retrying failed deliveries', () => {
  const database = useDatabases('sqlite');

  it('[N4] a failed delivery is retried after 30 s, then 1 min, until it goes through, with the same id', async () => {
    const storage = await (await database()).open();
    const { channels, deliveries, outbox, clock } = outboxOn(storage);
    const alice = await addUser(storage, 'alice');
    const receiver = closing(await startWebhookReceiver());
    const channel = await webhookChannel(channels, alice, receiver);
    receiver.answers.push({ status: 503 }, { status: 502 });
    await outbox.queueAlert(alice, await firedFor(channels, alice));

    const [first] = await outbox.deliverDue();
    expect(first).toMatchObject({ status: 'retrying', attempts: 1, nextAttemptAt: clock.now + 30_000 });
    const failed = await channels.get(alice, channel.id);
    expect(failed?.lastError).toMatchObject({ code: 'HTTP_STATUS', status: 503 });
    expect(failureWords(failed!.lastError!, ENGLISH)).toBe(
      `127.0.0.1:${receiver.port} answered with HTTP status 503.`,
    );
    expect(failureWords(failed!.lastError!, { language: 'de', formatLocale: 'de-DE' })).toBe(
      `127.0.0.1:${receiver.port} hat mit HTTP-Status 503 geantwortet.`,
    );

    clock.advance(29_999);
    expect(await outbox.deliverDue()).toEqual([]);
    clock.advance(1);
    const [second] = await outbox.deliverDue();
    expect(second).toMatchObject({ status: 'retrying', attempts: 2, nextAttemptAt: clock.now + 60_000 });
    clock.advance(60_000);
    const [third] = await outbox.deliverDue();
    expect(third).toMatchObject({ status: 'sent', attempts: 3 });

    const hooks = await receiver.received.atLeast(3);
    expect(new Set(hooks.map((h) => h.deliveryId))).toEqual(new Set([first?.deliveryId]));
    expect(hooks.map((h) => h.verified)).toEqual([true, true, true]);
    const [row] = await deliveries.list(alice);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, sentAt: clock.now });
    expect((await channels.get(alice, channel.id))?.lastOkAt).toBe(clock.now);
  });

  it('[N4] five retries, then failed for good; a 4xx other than 408/429 is not retried at all', async () => {
    const storage = await (await database()).open();
    const { channels, deliveries, outbox, clock } = outboxOn(storage);
    const alice = await addUser(storage, 'alice');
    const down = closing(await startWebhookReceiver());
    const gone = closing(await startWebhookReceiver());
    await webhookChannel(channels, alice, down);
    await webhookChannel(channels, alice, gone);
    down.answers.push(...Array.from({ length: 6 }, () => ({ status: 500 })));
    gone.answers.push({ status: 404 });
    await outbox.queueAlert(alice, await firedFor(channels, alice));

    const waits: number[] = [];
    const statuses: string[] = [];
    for (let round = 0; round < 6; round++) {
      for (const outcome of await outbox.deliverDue()) {
        statuses.push(`${outcome.attempts}:${outcome.status}`);
        if (outcome.nextAttemptAt !== undefined) waits.push(outcome.nextAttemptAt - clock.now);
      }
      clock.advance(waits.at(-1) ?? 0);
    }
    expect(statuses.sort()).toEqual(
      ['1:failed', '1:retrying', '2:retrying', '3:retrying', '4:retrying', '5:retrying', '6:failed'].sort(),
    );
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(down.received.all).toHaveLength(6);
    expect(gone.received.all).toHaveLength(1);
    expect((await deliveries.list(alice)).map((d) => d.status)).toEqual(['failed', 'failed']);
  });

  it('[N4] a receiver asking to wait (429, Retry-After) is not asked again sooner', async () => {
    const storage = await (await database()).open();
    const { channels, outbox, clock } = outboxOn(storage);
    const alice = await addUser(storage, 'alice');
    const receiver = closing(await startWebhookReceiver());
    await webhookChannel(channels, alice, receiver);
    receiver.answers.push({ status: 429, headers: { 'retry-after': '600' } });
    await outbox.queueAlert(alice, await firedFor(channels, alice));
    const [outcome] = await outbox.deliverDue();
    expect(outcome).toMatchObject({ status: 'retrying', nextAttemptAt: clock.now + 600_000 });
    clock.advance(599_999);
    expect(await outbox.deliverDue()).toEqual([]);
  });

  it('[N4] an unreachable channel is recorded as a clear failure, to be tried again', async () => {
    const storage = await (await database()).open();
    const { channels, outbox } = outboxOn(storage);
    const alice = await addUser(storage, 'alice');
    const port = await closedPort();
    const channel = await channels.insert(
      alice,
      prepareChannel({ kind: 'webhook', name: 'down', config: { url: `http://127.0.0.1:${port}/hook` } }),
    );
    await outbox.queueAlert(alice, await firedFor(channels, alice));
    const [outcome] = await outbox.deliverDue();
    expect(outcome).toMatchObject({ status: 'retrying', result: { code: 'UNREACHABLE' } });
    const stored = await channels.get(alice, channel.id);
    expect(stored?.lastErrorAt).not.toBeNull();
    expect(failureWords(stored!.lastError!, ENGLISH)).toBe(
      `127.0.0.1:${port} could not be reached (ECONNREFUSED); the alert is sent again later.`,
    );
  });
});
