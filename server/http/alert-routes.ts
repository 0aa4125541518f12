/** Alerts under /api/v1/alerts (lib/api/alerts.ts): list, set, route to channels, delete the user's own. */
import { alertsApi } from '../../lib/api/alerts';
import type { AlertService } from '../alerts/alert-service';
import { signedIn } from './market-routes';
import { route, routeTable } from './router';
import type { RouteContext, Routes } from './router';

const user = (ctx: Pick<RouteContext, 'auth'>) => signedIn(ctx.auth).user.id;

/** No route takes a user id; another user's alert id is NOT_FOUND (A7). */
export function alertRoutes(alerts: AlertService): Routes {
  return routeTable(
    route(alertsApi.list, { handle: async (ctx) => ({ alerts: await alerts.list(user(ctx)) }) }),
    route(alertsApi.create, { handle: async (ctx) => ({ alert: await alerts.create(user(ctx), ctx.body) }) }),
    route(alertsApi.channels, {
      handle: async (ctx) => ({
        alert: await alerts.setChannels(user(ctx), ctx.params.id, ctx.body.channels),
      }),
    }),
    route(alertsApi.remove, {
      async handle(ctx) {
        await alerts.remove(user(ctx), ctx.params.id);
        return { deleted: ctx.params.id };
      },
    }),
  );
}
