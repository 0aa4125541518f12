/** The demo account's book: its records, the balances they add up to, and the records a test adds later. */
import { Decimal, parseDecimal } from '../../../../lib/portfolio/decimal';
import type { MarketSpec } from '../markets';
import { hashString, mulberry32 } from '../prng';
import { createBalances, depositChanges, dividendChanges, tradeChanges, withdrawalChanges } from './balances';
import type { Changes } from './balances';
import { addressOn, coinsOf, numericId, txIdOn } from './coins';
import { commissionOf, fillRecord, quantityDecimals } from './fills';
import { UNRECORDED_BALANCES } from './history';
import type { PriceBook } from './prices';
import type {
  AccountDeposit,
  AccountDividend,
  AccountHistory,
  AccountTrade,
  AccountWithdrawal,
} from './records';

/** A fill to add: one order filled at once, now unless `time` says otherwise. */
export interface NewTrade {
  /** A unified symbol the demo lists, e.g. `BTC/USDT`. */
  symbol: string;
  side: 'buy' | 'sell';
  /** Base quantity, a plain decimal on the market's step. */
  amount: string;
  /** Default: the simulator's last price. */
  price?: string;
  time?: number;
  /** Pay the commission in BNB (default) while the account holds enough of it; else in the asset received. */
  feeInBnb?: boolean;
}

/** A successful deposit to add, on the coin's default network unless `network` names another of its networks. */
export interface NewDeposit {
  coin: string;
  amount: string;
  network?: string;
  time?: number;
}

/** An asset-dividend row to add: credited (direction 1, the default) or debited (-1), now unless `time` says. */
export interface NewDividend {
  asset: string;
  amount: string;
  enInfo: string;
  direction?: 1 | -1;
  time?: number;
}

/** What the ledger reads besides its records. */
export interface LedgerDeps {
  seed: number;
  markets: readonly MarketSpec[];
  prices: PriceBook;
  now: () => number;
  /** The market's current price, for trades added without one. */
  lastPrice(spec: MarketSpec): number | undefined;
}

/** The book of the demo account. */
export interface AccountLedger {
  trades(): readonly AccountTrade[];
  deposits(): readonly AccountDeposit[];
  withdrawals(): readonly AccountWithdrawal[];
  dividends(): readonly AccountDividend[];
  /** Every asset of the wallet and its balance: the records' sum plus UNRECORDED_BALANCES. */
  balances(): [string, Decimal][];
  /** When a balance last changed. */
  updateTime(): number;
  addTrade(trade: NewTrade): AccountTrade;
  addDeposit(deposit: NewDeposit): AccountDeposit;
  addDividend(dividend: NewDividend): AccountDividend;
}

const refuse = (message: string): never => {
  throw new RangeError(`demo account: ${message}`);
};

function amountOf(text: string, what: string, decimals: number): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) return refuse(`${what} ${JSON.stringify(text)}: ${parsed.reason}`);
  if (parsed.value.isZero()) return refuse(`${what} must be more than 0`);
  if (parsed.value.decimalPlaces() > decimals)
    return refuse(`${what} ${text} has more than ${decimals} decimals`);
  return parsed.value;
}

/** Replays a history into a fresh book; every record must be affordable in the order of time. */
export function createLedger(history: AccountHistory, deps: LedgerDeps): AccountLedger {
  const { markets, prices, now } = deps;
  const coins = coinsOf(markets);
  const book = createBalances(UNRECORDED_BALANCES);
  const { trades, deposits, withdrawals, dividends } = history;
  const details = mulberry32(hashString('binance-account:added') ^ Math.imul(deps.seed >>> 0, 0x9e3779b1));
  let updated = 0;
  const post = (time: number, changes: Changes) => {
    const applied = book.apply(changes);
    if (!applied.ok) throw new Error(`demo account: the history goes short: ${applied.reason}`);
    updated = Math.max(updated, time);
  };
  const events = [
    ...trades.map((t) => ({ time: t.time, changes: tradeChanges(t) })),
    ...deposits.map((d) => ({ time: d.insertTime, changes: depositChanges(d) })),
    ...withdrawals.map((w) => ({ time: w.applyTime, changes: withdrawalChanges(w) })),
    ...dividends.map((d) => ({ time: d.divTime, changes: dividendChanges(d) })),
  ].sort((a, b) => a.time - b.time);
  for (const event of events) post(event.time, event.changes);

  const currentPrice = (spec: MarketSpec): Decimal => {
    const last = deps.lastPrice(spec) ?? refuse(`${spec.symbol} has no price yet`);
    return new Decimal(last).toDecimalPlaces(spec.priceDecimals);
  };
  const timeOf = (time: number | undefined, after: number): number => {
    const at = time ?? now();
    if (!Number.isSafeInteger(at) || at < after || at > now()) {
      return refuse(`time must be a whole millisecond from ${after} to now, got ${at}`);
    }
    return at;
  };

  return {
    trades: () => trades,
    deposits: () => deposits,
    withdrawals: () => withdrawals,
    dividends: () => dividends,
    balances: () => coins.map(({ coin }) => [coin, book.get(coin)]),
    updateTime: () => updated,
    addTrade(input) {
      const spec =
        markets.find((market) => market.symbol === input.symbol) ?? refuse(`${input.symbol} is not listed`);
      if (input.side !== 'buy' && input.side !== 'sell')
        refuse(`side must be buy or sell, got ${input.side}`);
      const qty = amountOf(input.amount, 'amount', quantityDecimals(spec));
      const price =
        input.price === undefined ? currentPrice(spec) : amountOf(input.price, 'price', spec.priceDecimals);
      const previous = trades.filter((t) => t.symbol === spec.symbol).at(-1);
      const time = timeOf(input.time, previous?.time ?? 0);
      const bnbPerQuote = input.feeInBnb === false ? undefined : prices.bnbPerUnit(spec.quote, time);
      let commission = commissionOf(spec, input.side, qty, price, bnbPerQuote);
      if (commission.asset === 'BNB' && book.get('BNB').lessThan(commission.commission)) {
        commission = commissionOf(spec, input.side, qty, price);
      }
      const ids = previous ?? { id: 0, orderId: 0 };
      const trade = fillRecord({
        spec,
        side: input.side,
        price,
        qty,
        commission,
        id: ids.id + 1,
        orderId: ids.orderId + 1,
        time,
        isMaker: false,
      });
      const changes = tradeChanges(trade);
      const applied = book.apply(changes);
      if (!applied.ok) refuse(`cannot ${input.side} ${input.amount} ${spec.symbol}: ${applied.reason}`);
      updated = Math.max(updated, time);
      trades.push(trade);
      return trade;
    },
    addDeposit(input) {
      const coin =
        coins.find((c) => c.coin === input.coin) ?? refuse(`${input.coin} is not a coin of the wallet`);
      const network =
        coin.networks.find((n) =>
          input.network === undefined ? n.isDefault : n.network === input.network,
        ) ?? refuse(`${coin.coin} has no network ${input.network ?? '(it is a fiat currency)'}`);
      const amount = amountOf(input.amount, 'amount', 8);
      const deposit: AccountDeposit = {
        id: numericId(details, 18),
        coin: coin.coin,
        network: network.network,
        amount: amount.toFixed(),
        address: addressOn(network.network, details),
        txId: txIdOn(network.network, details),
        insertTime: timeOf(input.time, 0),
        status: 1,
        confirmTimes: `${network.minConfirm}/${network.minConfirm}`,
      };
      post(deposit.insertTime, depositChanges(deposit));
      deposits.push(deposit);
      return deposit;
    },
    addDividend(input) {
      if (!coins.some((c) => c.coin === input.asset)) refuse(`${input.asset} is not a coin of the wallet`);
      if (input.enInfo.trim() === '') refuse('enInfo must say what the dividend is');
      const direction = input.direction ?? 1;
      if (direction !== 1 && direction !== -1) refuse(`direction must be 1 or -1, got ${String(direction)}`);
      const previous = dividends.at(-1);
      const dividend: AccountDividend = {
        id: (previous?.id ?? 1_600_000_000) + 1 + Math.floor(details() * 50_000),
        amount: amountOf(input.amount, 'amount', 8).toFixed(8),
        asset: input.asset,
        divTime: timeOf(input.time, 0),
        enInfo: input.enInfo,
        tranId: (previous?.tranId ?? 110_000_000_000) + 1 + Math.floor(details() * 9_000_000),
        direction,
      };
      const applied = book.apply(dividendChanges(dividend));
      if (!applied.ok) refuse(`cannot debit ${input.amount} ${input.asset}: ${applied.reason}`);
      updated = Math.max(updated, dividend.divTime);
      dividends.push(dividend);
      return dividend;
    },
  };
}
