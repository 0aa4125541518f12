/**
 * Alert channels under /api/v1/channels (docs/alert-channels.md N8–N11, lib/api/channels.ts): list, add, delete
 * and test. No answer holds a channel's secret; the webhook's signing secret is in the answer that makes it only.
 */
import { channelsApi } from '../../lib/api/channels';
import type { ChannelService } from '../alerts/channels/channel-service';
import { signedIn } from './market-routes';
import { headersLocale } from './request-locale';
import { route, routeTable } from './router';
import type { RouteContext, Routes } from './router';

const user = (ctx: Pick<RouteContext, 'auth'>) => signedIn(ctx.auth).user.id;
const locale = (ctx: Pick<RouteContext, 'req'>) => headersLocale(ctx.req.headers);

/** Every route works on the signed-in user's own channels; another user's id is a missing one (A7). */
export function channelRoutes(channels: ChannelService): Routes {
  return routeTable(
    route(channelsApi.list, {
      handle: async (ctx) => ({ channels: await channels.list(user(ctx), locale(ctx)) }),
    }),
    route(channelsApi.create, {
      handle: (ctx) => channels.create(user(ctx), ctx.body, locale(ctx)),
    }),
    route(channelsApi.remove, {
      async handle(ctx) {
        await channels.remove(user(ctx), ctx.params.id);
        return { deleted: ctx.params.id };
      },
    }),
    route(channelsApi.test, {
      handle: async (ctx) => ({ delivery: await channels.test(user(ctx), ctx.params.id, locale(ctx)) }),
    }),
  );
}
