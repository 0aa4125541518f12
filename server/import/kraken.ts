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
import { decimal, readColumns, utcTime } from './cells';
import type { Cells } from './cells';
import { refuseLines } from './csv-table';
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

/** Parses the file; BAD_REQUEST naming every bad line. */
export function parseKraken(file: CsvFile, view: MarketView): ParsedFile {
  const cellsOf = readColumns(file, COLUMNS, 'Kraken ledgers export');
  const idOf = occurrences();
  const problems: string[] = [];
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
    if (typeof entry === 'string') {
      problems.push(`line ${row.line}: ${entry}`);
      continue;
    }
    if (['trade', 'spend', 'receive'].includes(entry.type)) {
      const group = trades.get(entry.refid) ?? [];
      trades.set(entry.refid, [...group, entry]);
      continue;
    }
    const booked = single(entry, idOf);
    if (booked === null) ignored.push(row.line);
    else if (typeof booked === 'string') problems.push(`line ${row.line}: ${booked}`);
    else records.push(booked);
  }
  for (const [refid, entries] of trades) {
    const booked = trade(refid, entries, view);
    if (typeof booked === 'string')
      problems.push(
        `line${entries.length > 1 ? 's' : ''} ${entries.map((e) => e.line).join(', ')}: ${booked}`,
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
    warnings: view.markets
      ? []
      : [
          'Kraken is not configured on this server: which currency of each trade is the quote was told by the ' +
            'known quote currencies (docs/imports.md).',
        ],
  };
}

/** A row's cells, checked; or what is wrong with them. */
function readEntry(cell: Cells, line: number): Entry | string {
  const issues: string[] = [];
  const timeMs = utcTime(cell('time'));
  if (timeMs === null) issues.push('time: expected a UTC time like 2024-03-05 14:02:11');
  const asset = krakenAsset(cell('asset'));
  if (!TICKER_PATTERN.test(asset))
    issues.push(`asset: ${JSON.stringify(cell('asset').slice(0, 24))} is not an asset code`);
  const amount = decimal(cell('amount'));
  if (!amount || amount.isZero()) issues.push('amount: expected a decimal other than 0');
  const fee = decimal(cell('fee'));
  if (!fee) issues.push('fee: expected a decimal');
  else if (fee.isNegative()) issues.push('fee: must not be negative');
  if (issues.length > 0 || timeMs === null || !amount || !fee) return issues.join('; ');
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
function single(e: Entry, idOf: (id: string) => string): ImportRecord | null | string {
  if (INTERNAL[e.type]?.includes(e.subtype)) {
    // Such a move changes no holding; a fee on it would, and Livefolio does not book it.
    return e.fee.isZero() ? null : 'fee: a move between Kraken wallets with a fee is not booked';
  }
  const fee = e.fee.isZero() ? null : { amount: e.fee, currency: e.asset };
  const lines = [e.line];
  const arriving = e.type === 'deposit' || (e.type === 'transfer' && e.subtype === 'spotfromfutures');
  const leaving = e.type === 'withdrawal' || (e.type === 'transfer' && e.subtype === 'spottofutures');
  if (arriving || leaving) {
    if (e.amount.isNegative() !== leaving)
      return `amount: a ${leaving ? 'withdrawal' : 'deposit'} must be ${leaving ? 'negative' : 'positive'}`;
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
    return `type: ${JSON.stringify(`${e.type}${e.subtype ? ` / ${e.subtype}` : ''}`.slice(0, 40))} is not one Livefolio books (docs/imports.md lists them)`;
  if (e.amount.isNegative()) return `amount: ${type} income must be positive`;
  const record = { id: idOf(e.txid), type, currency: e.asset, amount: e.amount, fee, timeMs: e.timeMs };
  return { kind: 'income', record, lines };
}

/** The rows of one refid as a trade: one spent, one received, in two currencies a market trades. */
function trade(refid: string, entries: readonly Entry[], view: MarketView): ImportRecord | string {
  const spent = entries.filter((e) => e.amount.isNegative());
  const received = entries.filter((e) => !e.amount.isNegative());
  const [out] = spent;
  const [into] = received;
  if (!out || !into || entries.length !== 2)
    return `trade ${refid} has ${entries.length} row${entries.length > 1 ? 's' : ''}; a trade is one row spent and one received (the other may be outside the exported dates)`;
  if (out.asset === into.asset) return `trade ${refid} spends and receives ${out.asset}`;
  if (!out.fee.isZero() && !into.fee.isZero()) return `trade ${refid} has a fee on both sides`;
  const pair = pairOf(out.asset, into.asset, view);
  if (!pair)
    return `no ${view.markets ? 'Kraken market' : 'known quote currency'} trades ${out.asset} for ${into.asset}`;
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
