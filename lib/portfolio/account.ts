/** Portfolio accounts: the places a user keeps crypto (an exchange, a hardware wallet, a bank), and their names. */
import { z } from 'zod';

/** How an account is kept: by hand, or (later) synced from an exchange connection. */
export const ACCOUNT_KINDS = ['manual', 'exchange'] as const;

/** One of ACCOUNT_KINDS. */
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** A portfolio account; not a user account (who signs in), which lives in server/auth. */
export interface PortfolioAccount {
  id: string;
  name: string;
  kind: AccountKind;
  /** Epoch ms. */
  createdAt: number;
}

/** An account as the API lists it: with the number of transactions booked in it (a transfer counts for both). */
export interface AccountSummary extends PortfolioAccount {
  transactions: number;
}

/** The account every user starts with, and the one an upgrade puts existing transactions in. */
export const DEFAULT_ACCOUNT_NAME = 'Main';

/** Most accounts one user keeps: a list to pick from, not a ledger of every address. */
export const MAX_ACCOUNTS = 50;

/** Longest name, in characters (code points) after trimming. */
export const MAX_ACCOUNT_NAME_LENGTH = 60;

// Control characters (line breaks, tabs, escapes) make a name that cannot be shown on one line or typed back.
const CONTROL = /\p{Cc}/u;

/**
 * A name as given: trimmed and in Unicode NFC (so "é" typed two ways is one name), 1-60 characters, no control
 * characters.
 */
export const accountNameSchema = z
  .string({ error: 'expected a name (text)' })
  .transform((name) => name.trim().normalize('NFC'))
  .refine((name) => name.length > 0, { error: 'must not be empty' })
  .refine((name) => [...name].length <= MAX_ACCOUNT_NAME_LENGTH, {
    error: `at most ${MAX_ACCOUNT_NAME_LENGTH} characters`,
  })
  .refine((name) => !CONTROL.test(name), {
    error: 'must not contain line breaks, tabs or control characters',
  });

/** What two names that are the same account compare as: names are unique per user regardless of case. */
export function accountNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}
