/**
 * Kraken's ledgers export (docs/imports.md): one row per change of one balance, `txid, refid, time, type, subtype,
 * aclass, asset, wallet, amount, fee, balance` (older exports lack some). A trade is two rows sharing a refid, one
 * spent and one received; deposits, withdrawals and rewards are one row each. Rows without a txid are Kraken's
 * not-yet-settled copies of a deposit or withdrawal, listed again once settled: they book nothing.
 */
import { MAX_FRACTION_DIGITS } from '../../lib/portfolio/decimal';
import type { Decimal } from '../../lib/portfolio/decimal';
import { TICKER_PATTERN } from '../../lib/portfolio/transaction';
import type { IncomeType } from '../../lib/portfolio/transaction';
import type { LocaleChoice } from '../../lib/i18n/locales';
import { ENGLISH, text, wordText } from '../errors';
import type { ErrorText } from '../errors';
import { decimal, readColumns, utcTime } from './cells';
import type { Cells } from './cells';
import { allOf, atLine, atLines, inField, refuseLines } from './csv-table';
import type { Problem } from './csv-table';
import { FORMAT_TITLES } from './file-format';
import type { CsvFile } from './file-format';
import { krakenAsset } from './kraken-assets';
import { pairOf } from './markets';
import type { MarketView } from './markets';
import type { ImportRecord, ParsedFile } from './parsed-file';
import { occurrences } from './row-ids';

const COLUMNS = [
  { name: 'txid' },
  { name: 'refid' },
  { name: 'time' },
  { name: 'type' },
  { name: 'subtype', optional: true },
  { name: 'aclass', optional: true },
  { name: 'subclass', optional: true },
  { name: 'asset' },
  { name: 'wallet', optional: true },
  { name: 'amount' },
  { name: 'fee' },
  { name: 'balance', optional: true },
];

/** One row, read: Kraken's ids, the common asset code, the signed amount and the fee. */
interface Entry {
  line: number;
  txid: string;
  refid: string;
  type: string;
  subtype: string;
  timeMs: number;
  asset: string;
  amount: Decimal;
  fee: Decimal;
}

/** Moves between Kraken's own wallets of one account (spot and its earning wallets): nothing to book. */
const INTERNAL: Readonly<Record<string, readonly string[]>> = {
  earn: ['allocation', 'deallocation', 'autoallocation', 'migration'],
  transfer: ['spottostaking', 'stakingfromspot', 'stakingtospot', 'spotfromstaking'],
};

/** Income by type (and subtype): what arrives for nothing given. */
function incomeType(e: Entry): IncomeType | null {
  if (e.type === 'staking' || (e.type === 'earn' && e.subtype === 'reward')) return 'staking';
  if (e.type === 'dividend') return 'interest';
  if (e.type === 'invite bonus') return 'income';
  // A transfer without a subtype credits an airdrop or a fork.
  if (e.type === 'transfer' && (e.subtype === '' || e.subtype === 'airdrop')) return 'airdrop';
  return null;
}

/** Parses the file, its warnings worded in `locale`'s language; BAD_REQUEST naming every bad line. */
export function parseKraken(file: CsvFile, view: MarketView, locale: LocaleChoice = ENGLISH): ParsedFile {
  const cellsOf = readColumns(file, COLUMNS, FORMAT_TITLES.kraken);
  const idOf = occurrences();
  const problems: Problem[] = [];
  const records: ImportRecord[] = [];
  const ignored: number[] = [];
  const trades = new Map<string, Entry[]>();
  for (const row of file.rows) {
    const cell = cellsOf(row);
    if (cell('txid') === '') {
      ignored.push(row.line);
      continue;
    }
    const entry = readEntry(cell, row.line);
    if (Array.isArray(entry)) {
      problems.push(atLine(row.line, allOf(entry)));
      continue;
    }
    if (['trade', 'spend', 'receive'].includes(entry.type)) {
      const group = trades.get(entry.refid) ?? [];
      trades.set(entry.refid, [...group, entry]);
      continue;
    }
    const booked = single(entry, idOf);
    if (booked === null) ignored.push(row.line);
    else if (!('kind' in booked)) problems.push(atLine(row.line, booked));
    else records.push(booked);
  }
  for (const [refid, entries] of trades) {
    const booked = trade(refid, entries, view);
    if (!('kind' in booked))
      problems.push(
        atLines(
          entries.map((e) => e.line),
          booked,
        ),
      );
    else records.push(booked);
  }
  if (problems.length > 0) throw refuseLines(problems);
  return {
    format: 'kraken',
    records,
    ignored,
    prices: new Map(),
    quotes: new Set(records.map((r) => (r.kind === 'trade' ? r.record.quote : r.record.currency))),
    warnings: view.markets ? [] : [wordText(text('imports', 'krakenNotConfigured'), locale)],
  };
}

/** A row's cells, checked; or what is wrong with them. */
function readEntry(cell: Cells, line: number): Entry | Problem[] {
  const issues: Problem[] = [];
  const timeMs = utcTime(cell('time'));
  if (timeMs === null)
    issues.push(inField('time', text('imports', 'expectedUtcTime', { example: '2024-03-05 14:02:11' })));
  const asset = krakenAsset(cell('asset'));
  if (!TICKER_PATTERN.test(asset))
    issues.push(
      inField(
        'asset',
        text('imports', 'notAssetCode', { asset: JSON.stringify(cell('asset').slice(0, 24)) }),
      ),
    );
  const amount = decimal(cell('amount'));
  if (!amount || amount.isZero()) issues.push(inField('amount', text('imports', 'expectedNonZeroDecimal')));
  const fee = decimal(cell('fee'));
  if (!fee) issues.push(inField('fee', text('imports', 'expectedDecimal')));
  else if (fee.isNegative()) issues.push(inField('fee', text('imports', 'notNegative')));
  if (issues.length > 0 || timeMs === null || !amount || !fee) return issues;
  return {
    line,
    txid: cell('txid'),
    refid: cell('refid'),
    type: cell('type').toLowerCase(),
    subtype: cell('subtype').toLowerCase(),
    timeMs,
    asset,
    amount,
    fee,
  };
}

/** A one-row record (deposit, withdrawal, income), null for a move between Kraken's wallets, or what is wrong. */
function single(e: Entry, idOf: (id: string) => string): ImportRecord | null | ErrorText {
  if (INTERNAL[e.type]?.includes(e.subtype)) {
    // Such a move changes no holding; a fee on it would, and Livefolio does not book it.
    return e.fee.isZero() ? null : inField('fee', text('imports', 'walletMoveWithFee'));
  }
  const fee = e.fee.isZero() ? null : { amount: e.fee, currency: e.asset };
  const lines = [e.line];
  const arriving = e.type === 'deposit' || (e.type === 'transfer' && e.subtype === 'spotfromfutures');
  const leaving = e.type === 'withdrawal' || (e.type === 'transfer' && e.subtype === 'spottofutures');
  if (arriving || leaving) {
    if (e.amount.isNegative() !== leaving)
      return inField('amount', text('imports', leaving ? 'withdrawalNotNegative' : 'depositNotPositive'));
    const record = {
      id: idOf(e.refid || e.txid),
      currency: e.asset,
      amount: e.amount.abs(),
      fee,
      timeMs: e.timeMs,
    };
    return { kind: leaving ? 'withdrawal' : 'deposit', record, lines };
  }
  const type = incomeType(e);
  if (!type)
    return inField(
      'type',
      text('imports', 'typeNotBooked', {
        type: JSON.stringify(`${e.type}${e.subtype ? ` / ${e.subtype}` : ''}`.slice(0, 40)),
      }),
    );
  if (e.amount.isNegative()) return inField('amount', text('imports', 'incomeNotPositive', { type }));
  const record = { id: idOf(e.txid), type, currency: e.asset, amount: e.amount, fee, timeMs: e.timeMs };
  return { kind: 'income', record, lines };
}

/** The rows of one refid as a trade: one spent, one received, in two currencies a market trades. */
function trade(refid: string, entries: readonly Entry[], view: MarketView): ImportRecord | ErrorText {
  const spent = entries.filter((e) => e.amount.isNegative());
  const received = entries.filter((e) => !e.amount.isNegative());
  const [out] = spent;
  const [into] = received;
  if (!out || !into || entries.length !== 2)
    return text('imports', 'tradeRowCount', { refid, count: String(entries.length) });
  if (out.asset === into.asset) return text('imports', 'tradeSameAsset', { refid, asset: out.asset });
  if (!out.fee.isZero() && !into.fee.isZero()) return text('imports', 'tradeFeeBothSides', { refid });
  const pair = pairOf(out.asset, into.asset, view);
  if (!pair)
    return text('imports', view.markets ? 'noKrakenMarket' : 'noKnownQuote', {
      spent: out.asset,
      received: into.asset,
    });
  const buying = pair.base === into.asset;
  const amount = (buying ? into : out).amount.abs();
  const cost = (buying ? out : into).amount.abs();
  const feeRow = out.fee.isZero() ? into : out;
  return {
    kind: 'trade',
    record: {
      id: refid,
      symbol: `${pair.base}/${pair.quote}`,
      base: pair.base,
      quote: pair.quote,
      side: buying ? 'buy' : 'sell',
      amount,
      price: cost.div(amount).toDecimalPlaces(MAX_FRACTION_DIGITS),
      cost,
      fee: feeRow.fee.isZero() ? null : { amount: feeRow.fee, currency: feeRow.asset },
      timeMs: out.timeMs,
    },
    lines: entries.map((e) => e.line),
  };
}
