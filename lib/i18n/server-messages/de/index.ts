/** The server's own messages in German, key for key the English ones. */
import type { ServerCatalog } from '../en';
import { channels } from './channels';
import { errors } from './errors';
import { imports } from './imports';
import { notes } from './notes';
import { sync } from './sync';

export const serverDe: ServerCatalog = { channels, errors, imports, notes, sync };
