/** The alert routes' contract (docs/protocol.md P7): list, set, change the channels of, and delete alerts. */
import * as z from 'zod/mini';
import {
  ALERT_CONDITIONS,
  MAX_ALERT_NOTE_LENGTH,
  MAX_MOVE_PERCENT,
  MOVE_DIRECTIONS,
  MOVE_WINDOWS,
} from '../alerts';
import type { NewAlert } from '../alerts';
import { PORTFOLIO_CURRENCIES } from '../portfolio/conversion-path';
import { Decimal, formatDecimal, parseDecimal } from '../portfolio/decimal';
import type { Alert, MoveAlert, PortfolioAlert, PriceLevelAlert } from '../protocol';
import { MAX_STREAM_ID_LENGTH } from '../stream-id';
import { MAX_CHANNELS } from './channels';
import { decimalString, defineRoute, deletedAnswer, epochMs, idParams, streamIdString } from './contract';

const common = {
  id: z.string(),
  note: z.nullable(z.string()),
  /** The ids of the owner's alert channels it is sent to besides the open tabs. */
  channels: z.array(z.string()),
  createdAt: epochMs,
  /** Server time of the tick (or valuation) that met the condition; null while the alert waits. */
  triggeredAt: z.nullable(epochMs),
  /** The last price, or the portfolio's value, that met it. */
  triggeredPrice: z.nullable(decimalString),
};

const priceLevelAlert = z.object({
  kind: z.literal('price'),
  stream: streamIdString,
  condition: z.enum(ALERT_CONDITIONS),
  price: decimalString,
  ...common,
}) satisfies z.ZodMiniType<PriceLevelAlert>;

const moveAlert = z.object({
  kind: z.literal('move'),
  stream: streamIdString,
  direction: z.enum(MOVE_DIRECTIONS),
  percent: decimalString,
  window: z.enum(MOVE_WINDOWS),
  /** The move that met it, in percent, signed, two decimals. */
  triggeredChange: z.nullable(decimalString),
  ...common,
}) satisfies z.ZodMiniType<MoveAlert>;

const portfolioAlert = z.object({
  kind: z.literal('portfolio'),
  condition: z.enum(ALERT_CONDITIONS),
  value: decimalString,
  currency: z.string(),
  ...common,
}) satisfies z.ZodMiniType<PortfolioAlert>;

/** An alert as the API and the socket send it. */
export const alertAnswer = z
  .discriminatedUnion('kind', [priceLevelAlert, moveAlert, portfolioAlert])
  .register(z.globalRegistry, { id: 'Alert' }) satisfies z.ZodMiniType<Alert>;

/** A decimal as typed, in canonical form (the one compared, not its float neighbour), > 0 and at most `max`. */
const positiveDecimal = (max?: number) =>
  z.pipe(
    z.string(),
    z.transform((text, ctx) => {
      const parsed = parseDecimal(text);
      const tooBig = parsed.ok && max !== undefined && parsed.value.gt(max);
      if (parsed.ok && !parsed.value.isZero() && !tooBig) return formatDecimal(parsed.value);
      const message = !parsed.ok
        ? parsed.reason
        : tooBig
          ? `must be at most ${String(max)}`
          : 'must be greater than 0';
      ctx.issues.push({ code: 'custom', message, input: text });
      return z.NEVER;
    }),
  );

/** The channels an alert goes to: ids of the user's channels, each once; [] for the open tabs only. */
const channelIds = z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(
  z.maxLength(MAX_CHANNELS),
  z.refine((ids) => new Set(ids).size === ids.length, 'names a channel twice'),
);

const newCommon = {
  note: z.optional(z.string().check(z.maxLength(MAX_ALERT_NOTE_LENGTH))),
  /** Left out: every channel the user has now. */
  channels: z.optional(channelIds),
};

const stream = z.string().check(z.minLength(1), z.maxLength(MAX_STREAM_ID_LENGTH));

/** What a client sends to set an alert; `kind` left out is a price alert, as before there were kinds. */
export const newAlertBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.optional(z.literal('price')),
    stream,
    condition: z.enum(ALERT_CONDITIONS),
    price: positiveDecimal(),
    ...newCommon,
  }),
  z
    .strictObject({
      kind: z.literal('move'),
      stream,
      direction: z.enum(MOVE_DIRECTIONS),
      percent: positiveDecimal(MAX_MOVE_PERCENT),
      window: z.enum(MOVE_WINDOWS),
      ...newCommon,
    })
    .check(
      z.refine((body) => body.direction === 'up' || new Decimal(body.percent).lt(100), {
        message: 'a fall of 100 % or more cannot happen',
        path: ['percent'],
      }),
    ),
  z.strictObject({
    kind: z.literal('portfolio'),
    condition: z.enum(ALERT_CONDITIONS),
    value: positiveDecimal(),
    currency: z.optional(z.enum(PORTFOLIO_CURRENCIES)),
    ...newCommon,
  }),
]) satisfies z.ZodMiniType<NewAlert>;

/** What a client sends to change where an alert goes. */
export const alertChannelsBody = z.strictObject({ channels: channelIds });

export const alertsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/alerts',
    rule: 'P7',
    summary: "The user's alerts, oldest first, triggered ones included",
    access: 'user',
    answer: z.object({ alerts: z.array(alertAnswer) }),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/v1/alerts',
    rule: 'P7',
    summary: 'Sets an alert; one whose condition holds already comes back triggered',
    access: 'user',
    body: newAlertBody,
    status: 201,
    answer: z.object({ alert: alertAnswer }),
  }),
  channels: defineRoute({
    method: 'PATCH',
    path: '/api/v1/alerts/:id',
    rule: 'P7',
    summary: 'Changes the channels an alert is sent to',
    access: 'user',
    params: idParams,
    body: alertChannelsBody,
    answer: z.object({ alert: alertAnswer }),
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/v1/alerts/:id',
    rule: 'P7',
    summary: 'Deletes an alert, waiting or triggered',
    access: 'user',
    params: idParams,
    answer: deletedAnswer,
  }),
};
