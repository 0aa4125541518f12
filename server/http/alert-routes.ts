/** Price alerts under /api/v1/alerts: list, set, delete the signed-in user's own. */
import { z } from 'zod';
import { ALERT_CONDITIONS, MAX_ALERT_NOTE_LENGTH } from '../../lib/alerts';
import type { NewAlert } from '../../lib/alerts';
import { formatDecimal, parseDecimal } from '../../lib/portfolio/decimal';
import { MAX_STREAM_ID_LENGTH } from '../../lib/stream-id';
import type { AlertService } from '../alerts/alert-service';
import { signedIn } from './market-routes';
import { parse } from './router';
import type { RouteContext, Routes } from './router';

const newAlertSchema = z.strictObject({
  stream: z.string().min(1).max(MAX_STREAM_ID_LENGTH),
  condition: z.enum(ALERT_CONDITIONS),
  // A string, like every amount: the threshold the user typed is the one compared, not its float neighbour.
  price: z.string().transform((text, ctx) => {
    const parsed = parseDecimal(text);
    if (parsed.ok && !parsed.value.isZero()) return formatDecimal(parsed.value);
    ctx.addIssue({ code: 'custom', message: parsed.ok ? 'must be greater than 0' : parsed.reason });
    return z.NEVER;
  }),
  note: z.string().max(MAX_ALERT_NOTE_LENGTH).optional(),
}) satisfies z.ZodType<NewAlert, unknown>;

const user = (ctx: RouteContext) => signedIn(ctx.auth).user.id;

/** No route takes a user id; another user's alert id is NOT_FOUND (A7). */
export function alertRoutes(alerts: AlertService): Routes {
  return {
    '/api/v1/alerts': {
      GET: { access: 'user', handle: async (ctx) => ({ alerts: await alerts.list(user(ctx)) }) },
      POST: {
        access: 'user',
        async handle(ctx) {
          const alert = await alerts.create(user(ctx), parse(newAlertSchema, ctx.body));
          ctx.status = 201;
          return { alert };
        },
      },
    },
    '/api/v1/alerts/:id': {
      DELETE: {
        access: 'user',
        async handle(ctx) {
          const id = ctx.params.id ?? '';
          await alerts.remove(user(ctx), id);
          return { deleted: id };
        },
      },
    },
  };
}
