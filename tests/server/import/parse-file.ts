/** Reading the exchanges' sample files (tests/fixtures/exports) as the import does, for the parsers' tests. */
import { readFileSync } from 'node:fs';
import type { ExchangeFormat } from '../../../server/import/file-format';
import { readImportFile } from '../../../server/import/file-format';
import type { CsvFile } from '../../../server/import/file-format';
import type { MarketView } from '../../../server/import/markets';

/** A sample file's text. */
export const fixture = (name: string) => readFileSync(`tests/fixtures/exports/${name}`, 'utf8');

/** The text read as a file of `format`, as the import reads it. */
export function fileOf(text: string, format: ExchangeFormat): CsvFile & { format: ExchangeFormat } {
  return readImportFile(text, format) as CsvFile & { format: ExchangeFormat };
}

/** A view of an exchange with the given markets (`BASE/QUOTE`), or of one not configured here (none given). */
export function viewOf(exchange: string, symbols?: readonly string[]): MarketView {
  if (!symbols) return { exchange, markets: null };
  return {
    exchange,
    markets: new Map(
      symbols.map((symbol) => {
        const [base = '', quote = ''] = symbol.split('/');
        return [symbol, { base, quote }];
      }),
    ),
  };
}

/** Records as plain data, their decimals as strings (Decimal's JSON form), to compare. */
export function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** The message a parse throws. */
export function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the parse to refuse the file');
}
