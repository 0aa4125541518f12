/** What the server's answers say beside their figures: the performance notes, the value history's backfill. */
export const notes = {};
