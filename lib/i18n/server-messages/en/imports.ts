/** The refusals and warnings of a file import (server/import/): encodings, formats, lines. */
export const imports = {};
