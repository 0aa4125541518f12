/** The refusals and states of exchange connections and their syncs (server/sync/). */
export const sync = {};
