/** The price-alert routes' contract (docs/protocol.md P7): list, set and delete the signed-in user's alerts. */
import * as z from 'zod/mini';
import { ALERT_CONDITIONS, MAX_ALERT_NOTE_LENGTH } from '../alerts';
import type { NewAlert } from '../alerts';
import { formatDecimal, parseDecimal } from '../portfolio/decimal';
import type { PriceAlert } from '../protocol';
import { MAX_STREAM_ID_LENGTH } from '../stream-id';
import { decimalString, defineRoute, deletedAnswer, epochMs, idParams, streamIdString } from './contract';

/** An alert as the API and the socket send it. */
export const priceAlert = z
  .object({
    id: z.string(),
    stream: streamIdString,
    condition: z.enum(ALERT_CONDITIONS),
    price: decimalString,
    note: z.nullable(z.string()),
    createdAt: epochMs,
    /** Server time of the tick that met the condition; null while the alert waits. */
    triggeredAt: z.nullable(epochMs),
    triggeredPrice: z.nullable(decimalString),
  })
  .register(z.globalRegistry, { id: 'PriceAlert' }) satisfies z.ZodMiniType<PriceAlert>;

/** The threshold as typed, in canonical form: the one compared, not its float neighbour. */
const threshold = z.pipe(
  z.string(),
  z.transform((text, ctx) => {
    const parsed = parseDecimal(text);
    if (parsed.ok && !parsed.value.isZero()) return formatDecimal(parsed.value);
    ctx.issues.push({
      code: 'custom',
      message: parsed.ok ? 'must be greater than 0' : parsed.reason,
      input: text,
    });
    return z.NEVER;
  }),
);

/** What a client sends to set an alert. */
export const newAlertBody = z.strictObject({
  stream: z.string().check(z.minLength(1), z.maxLength(MAX_STREAM_ID_LENGTH)),
  condition: z.enum(ALERT_CONDITIONS),
  price: threshold,
  note: z.optional(z.string().check(z.maxLength(MAX_ALERT_NOTE_LENGTH))),
}) satisfies z.ZodMiniType<NewAlert>;

export const alertsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/alerts',
    rule: 'P7',
    summary: "The user's alerts, oldest first, triggered ones included",
    access: 'user',
    answer: z.object({ alerts: z.array(priceAlert) }),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/v1/alerts',
    rule: 'P7',
    summary: 'Sets an alert; one whose condition holds already comes back triggered',
    access: 'user',
    body: newAlertBody,
    status: 201,
    answer: z.object({ alert: priceAlert }),
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
