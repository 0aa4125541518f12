/** The refusals and states of exchange connections and their syncs (server/sync/). */
import type { ServerCatalog } from '../en';

export const sync = {} satisfies ServerCatalog['sync'];
