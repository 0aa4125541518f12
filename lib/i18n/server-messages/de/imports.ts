/** The refusals and warnings of a file import (server/import/): encodings, formats, lines. */
import type { ServerCatalog } from '../en';

export const imports = {} satisfies ServerCatalog['imports'];
