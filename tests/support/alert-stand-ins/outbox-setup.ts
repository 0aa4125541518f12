/** An outbox on a test database: a user, the stores, a clock the test moves, every outcome awaitable. */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { prepareChannel } from '../../../server/alerts/channels/channel-kinds';
import { Outbox } from '../../../server/alerts/channels/outbox';
import type { DeliveryOutcome, OutboxDeps } from '../../../server/alerts/channels/outbox';
import { createKeyRing } from '../../../server/secrets/key-ring';
import { ChannelStore } from '../../../server/store/channel-store';
import type { Storage } from '../../../server/store/db';
import { DeliveryStore } from '../../../server/store/delivery-store';
import { UserStore } from '../../../server/store/user-store';
import type { Alert, PriceLevelAlert } from '../../../lib/protocol';
import { FIRED_AT, firedAlert, standInOptions } from './fixtures';
import { Arrivals } from './http-stand-in';
import type { WebhookReceiver } from './webhook-receiver';

export interface OutboxSetup {
  storage: Storage;
  channels: ChannelStore;
  deliveries: DeliveryStore;
  outbox: Outbox;
  outcomes: Arrivals<DeliveryOutcome>;
  clock: { now: number; advance(ms: number): void };
  /** Another outbox on the same stores and clock (a second instance). */
  another(extra?: Partial<OutboxDeps>): Outbox;
}

/** The key every test outbox seals with. */
export const TEST_KEY = randomBytes(32);

/** A user (the first id of a fresh database) with `name`. */
export async function addUser(storage: Storage, name: string): Promise<number> {
  const user = await new UserStore(storage).create(name, 'hash', { isAdmin: false });
  if (!user) throw new Error(`could not create ${name}`);
  return user.id;
}

/** A fired alert that names every channel the user has now, as one set without a choice does (P7). */
export async function firedFor(
  channels: ChannelStore,
  userId: number,
  overrides: Partial<PriceLevelAlert> = {},
): Promise<Alert> {
  const ids = (await channels.list(userId)).map((c) => c.id);
  return firedAlert({ channels: ids, ...overrides });
}

export function outboxOn(storage: Storage, extra: Partial<OutboxDeps> = {}): OutboxSetup {
  const channels = new ChannelStore(storage, createKeyRing(TEST_KEY));
  const deliveries = new DeliveryStore(storage);
  const outcomes = new Arrivals<DeliveryOutcome>();
  const clock = {
    now: FIRED_AT,
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const make = (more: Partial<OutboxDeps> = {}) =>
    new Outbox({
      deliveries,
      channels,
      sendOptions: standInOptions(),
      clock: () => clock.now,
      onOutcome: (outcome) => outcomes.push(outcome),
      ...extra,
      ...more,
    });
  return { storage, channels, deliveries, outbox: make(), outcomes, clock, another: make };
}

/** Closes a stand-in when the test ends. */
export const closing = <T extends { close(): Promise<void> }>(standIn: T): T => {
  onTestFinished(() => standIn.close());
  return standIn;
};

/** A webhook channel of `userId` pointing at `receiver`, the receiver told its secret. */
export async function webhookChannel(channels: ChannelStore, userId: number, receiver: WebhookReceiver) {
  const fresh = prepareChannel({ kind: 'webhook', name: 'hook', config: { url: `${receiver.url}/hook` } });
  receiver.secret = fresh.secret ?? '';
  return channels.insert(userId, fresh);
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
