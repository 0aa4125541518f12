/** What the server's answers say beside their figures: the performance notes, the value history's backfill. */
import type { ServerCatalog } from '../en';

export const notes = {} satisfies ServerCatalog['notes'];
