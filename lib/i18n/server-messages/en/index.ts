/**
 * The server's own messages in English: what the API and the socket answer, worded in the request's language
 * (docs/locales.md, L6). Apart from the pages' catalog, so that no page carries them.
 */
import type { PluralMessage } from '../../translate';
import { channels } from './channels';
import { errors } from './errors';
import { imports } from './imports';
import { notes } from './notes';
import { sync } from './sync';

export const serverEn = { channels, errors, imports, notes, sync };

type MessagesOf<T> = { [K in keyof T]: T[K] extends string ? string : PluralMessage };

/** What a language's server messages must hold: every namespace and key of the English ones, nothing else. */
export type ServerCatalog = { [N in keyof typeof serverEn]: MessagesOf<(typeof serverEn)[N]> };
