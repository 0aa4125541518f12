/** What a parser makes of an exchange's file: records to book, each with its lines, and what it left out. */
import type { Decimal } from '../../lib/portfolio/decimal';
import type { BookableRecord } from '../sync/book-records';
import type { ExchangeFormat } from './file-format';

/** A record and the lines of the file it came from (a Kraken trade is two). */
export type ImportRecord = BookableRecord & { lines: readonly number[] };

/** A price the file itself states: `currency` per unit of an asset at a moment (Coinbase's Price at Transaction). */
export interface StatedPrice {
  price: Decimal;
  currency: string;
}

/** An exchange's file, parsed: nothing in it is wrong (a parser throws first). */
export interface ParsedFile {
  format: ExchangeFormat;
  records: ImportRecord[];
  /** Rows that book nothing by design (docs/imports.md lists them), by line. */
  ignored: number[];
  /** Prices the file states, by `statedKey(asset, timeMs)`. */
  prices: ReadonlyMap<string, StatedPrice>;
  /** The currencies the file's own trades quote in: the home currency's candidates without markets. */
  quotes: ReadonlySet<string>;
  /** What the import must say besides its counts (an exchange not configured here). */
  warnings: string[];
}

/** The key of a stated price. */
export const statedKey = (asset: string, timeMs: number) => `${asset} ${timeMs}`;
