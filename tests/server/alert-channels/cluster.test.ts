import { describe, expect, it, onTestFinished } from 'vitest';
import { prepareChannel } from '../../../server/alerts/channels/channel-kinds';
import type { DeliveryOutcome } from '../../../server/alerts/channels/outbox';
import { firedAlert } from '../../support/alert-stand-ins/fixtures';
import { Arrivals } from '../../support/alert-stand-ins/http-stand-in';
import { addUser, firedFor, outboxOn } from '../../support/alert-stand-ins/outbox-setup';
import { startWebhookReceiver } from '../../support/alert-stand-ins/webhook-receiver';
import { engineAvailable, useDatabases } from '../../support/storage';

const ALERTS = 24;

describe.skipIf(!engineAvailable('postgres'))('two instances on one PostgreSQL database', () => {
  const database = useDatabases('postgres');

  /** Two instances' outboxes, each on its own connection pool, sharing one outcome list; one user with a webhook. */
  async function twoInstances() {
    const db = await database();
    const outcomes = new Arrivals<DeliveryOutcome & { worker: string }>();
    const open = async (worker: string) =>
      outboxOn(await db.open(), { clock: Date.now, onOutcome: (o) => outcomes.push({ ...o, worker }) });
    const a = await open('a');
    const b = await open('b');
    const alice = await addUser(a.storage, 'alice');
    const receiver = await startWebhookReceiver();
    onTestFinished(() => receiver.close());
    const fresh = prepareChannel({ kind: 'webhook', name: 'hook', config: { url: `${receiver.url}/hook` } });
    receiver.secret = fresh.secret ?? '';
    await a.channels.insert(alice, fresh);
    return { a, b, alice, receiver, outcomes };
  }

  it('[N5] each firing is queued once however many instances queue it, and sent once by one of them', async () => {
    const { a, b, alice, receiver, outcomes } = await twoInstances();
    const ids = (await a.channels.list(alice)).map((c) => c.id);
    const alerts = Array.from({ length: ALERTS }, () => firedAlert({ channels: ids }));
    // Both instances learn of every firing, at the same moment.
    const added = await Promise.all(
      alerts.flatMap((alert) => [a.outbox.queueAlert(alice, alert), b.outbox.queueAlert(alice, alert)]),
    );
    expect(added.reduce((sum, n) => sum + n, 0)).toBe(ALERTS);

    // Both take from the same outbox at once, in small batches, until nothing is left.
    for (;;) {
      const [fromA, fromB] = await Promise.all([a.outbox.deliverDue(3), b.outbox.deliverDue(3)]);
      if (fromA.length === 0 && fromB.length === 0) break;
    }
    const hooks = receiver.received.all;
    expect(hooks).toHaveLength(ALERTS);
    expect(new Set(hooks.map((h) => h.deliveryId)).size).toBe(ALERTS);
    expect(new Set(hooks.map((h) => (h.body.alert as { id: string }).id))).toEqual(
      new Set(alerts.map((x) => x.id)),
    );
    expect(outcomes.all.filter((o) => o.status === 'sent')).toHaveLength(ALERTS);
    expect(
      (await a.deliveries.list(alice, { limit: 100 })).every((d) => d.status === 'sent' && d.attempts === 1),
    ).toBe(true);
  });

  it('[N5] two running workers send every delivery exactly once', async () => {
    const { a, b, alice, receiver, outcomes } = await twoInstances();
    onTestFinished(async () => {
      await Promise.all([a.outbox.stop(), b.outbox.stop()]);
    });
    a.outbox.start();
    b.outbox.start();
    for (let i = 0; i < ALERTS; i++) {
      const alert = await firedFor(a.channels, alice);
      await Promise.all([a.outbox.queueAlert(alice, alert), b.outbox.queueAlert(alice, alert)]);
    }
    await outcomes.atLeast(ALERTS);
    await Promise.all([a.outbox.stop(), b.outbox.stop()]);
    expect(outcomes.all).toHaveLength(ALERTS);
    expect(outcomes.all.every((o) => o.status === 'sent' && o.attempts === 1)).toBe(true);
    expect(receiver.received.all).toHaveLength(ALERTS);
    expect(new Set(receiver.received.all.map((h) => h.deliveryId)).size).toBe(ALERTS);
  });
});
