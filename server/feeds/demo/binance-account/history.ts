/**
 * The demo account's seeded history: six months of deposits, trades, one withdrawal and the asset-dividend
 * record, ending when the demo starts.
 */
import { Decimal } from '../../../../lib/portfolio/decimal';
import type { MarketSpec } from '../markets';
import { hashString, mulberry32 } from '../prng';
import type { Rng } from '../prng';
import { createBalances, depositChanges, tradeChanges, withdrawalChanges } from './balances';
import type { Balances } from './balances';
import { addressOn, coinsOf, hexId, numericId, txIdOn } from './coins';
import type { Coin } from './coins';
import { generateDividends } from './dividends';
import { commissionOf, fillRecord, quantityDecimals, splitOrder } from './fills';
import type { PriceBook } from './prices';
import type { AccountHistory, AccountTrade } from './records';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** How far back the history goes, in days. */
export const HISTORY_DAYS = 182;

/**
 * The one deliberate gap: coins the account held before its history starts, with no record in any endpoint the
 * demo serves (on Binance, coins bought through a product whose history is elsewhere, such as Convert). A sync
 * must reconcile it.
 */
export const UNRECORDED_BALANCES: Readonly<Record<string, string>> = { ARB: '62.5' };

/** Deposits that fund the account: two before the trading starts, three later, one of them inside 90 days. */
const FUNDING = [
  { daysAgo: 181.6, coin: 'USDT', amount: '20000', network: 'TRX' },
  { daysAgo: 181.2, coin: 'BTC', amount: '0.35', network: 'BTC' },
  { daysAgo: 120.4, coin: 'USDT', amount: '5000', network: 'BSC' },
  { daysAgo: 64.7, coin: 'ETH', amount: '1.5', network: 'ETH' },
  { daysAgo: 12.3, coin: 'USDT', amount: '2500', network: 'ETH' },
] as const;

/** The withdrawal: this share of the BTC then held, on 5 decimals. */
const WITHDRAWAL = { daysAgo: 27.5, coin: 'BTC', network: 'BTC', share: 0.3 } as const;

/** Orders per market over the history; about one in five fills in two trades. */
export const ORDERS_PER_MARKET: Readonly<Record<string, number>> = {
  'BTC/USDT': 55,
  'ETH/USDT': 40,
  'SOL/USDT': 30,
  'BNB/USDT': 18,
  'ETH/BTC': 16,
};

/** The draws of one order, taken up front so that the schedule never depends on prices. */
interface PlannedOrder {
  spec: MarketSpec;
  time: number;
  side: number;
  size: number;
  inKind: number;
  split: number;
  share: number;
  maker: number;
  idGap: number;
  orderGap: number;
  fillGap: number;
}

type Planned =
  | { kind: 'deposit'; time: number; funding: (typeof FUNDING)[number] }
  | { kind: 'withdrawal'; time: number }
  | { kind: 'order'; time: number; order: PlannedOrder };

function plan(rng: Rng, markets: readonly MarketSpec[], end: number): Planned[] {
  const at = (daysAgo: number) => Math.round(end - daysAgo * DAY);
  const planned: Planned[] = FUNDING.map((funding) => ({
    kind: 'deposit' as const,
    time: at(funding.daysAgo),
    funding,
  }));
  // Whole seconds: Binance writes a withdrawal's applyTime to the second.
  planned.push({ kind: 'withdrawal', time: Math.floor(at(WITHDRAWAL.daysAgo) / 1000) * 1000 });
  for (const [symbol, count] of Object.entries(ORDERS_PER_MARKET)) {
    const spec = markets.find((market) => market.symbol === symbol);
    for (let i = 0; i < count; i++) {
      // Ten draws per order, listed market or not, so that one market missing shifts no other market's orders.
      const draws = {
        time: rng(),
        side: rng(),
        size: rng(),
        inKind: rng(),
        split: rng(),
        share: rng(),
        maker: rng(),
        idGap: rng(),
        orderGap: rng(),
        fillGap: rng(),
      };
      if (spec === undefined) continue;
      // Between the funding and a few minutes before the end, so that every fill is in the past.
      const time = at(0.01 + draws.time * 180.9);
      planned.push({ kind: 'order', time, order: { ...draws, spec, time } });
    }
  }
  return planned.sort((a, b) => a.time - b.time);
}

/** The quantity an order can trade on one side, or undefined when the account cannot afford a worthwhile one. */
function affordable(
  order: PlannedOrder,
  side: 'buy' | 'sell',
  price: Decimal,
  balances: Balances,
): Decimal | undefined {
  const { spec, size } = order;
  const decimals = quantityDecimals(spec);
  let qty: Decimal;
  if (side === 'buy') {
    const target = spec.quote === 'BTC' ? 0.004 + 0.021 * size : 250 + 1250 * size;
    const spend = Decimal.min(new Decimal(target), balances.get(spec.quote).times(0.4));
    qty = spend.dividedBy(price).toDecimalPlaces(decimals, Decimal.ROUND_DOWN);
  } else {
    qty = balances
      .get(spec.base)
      .times(0.2 + 0.4 * size)
      .toDecimalPlaces(decimals, Decimal.ROUND_DOWN);
  }
  return qty.times(price).greaterThanOrEqualTo(2 * spec.minNotional) ? qty : undefined;
}

/** Where each market's trade and order ids have got to. */
type Ids = Map<string, { trade: number; order: number }>;

function fillOrder(order: PlannedOrder, prices: PriceBook, balances: Balances, ids: Ids): AccountTrade[] {
  const { spec, time } = order;
  const price = prices.openAt(spec, time);
  const preferred = order.side < 0.55 ? 'buy' : 'sell';
  const other = preferred === 'buy' ? 'sell' : 'buy';
  const plannedQty = affordable(order, preferred, price, balances);
  const side = plannedQty === undefined ? other : preferred;
  const qty = plannedQty ?? affordable(order, other, price, balances);
  if (qty === undefined) return [];
  // Fees in BNB while the account holds enough of it, except now and then (the option switched off).
  const bnbPerQuote = order.inKind < 0.15 ? undefined : prices.bnbPerUnit(spec.quote, time);
  let commission = commissionOf(spec, side, qty, price, bnbPerQuote);
  if (commission.asset === 'BNB' && balances.get('BNB').lessThan(commission.commission)) {
    commission = commissionOf(spec, side, qty, price);
  }
  const last = ids.get(spec.symbol) ?? { trade: 0, order: 0 };
  const orderId = last.order + 1 + Math.floor(order.orderGap * 500_000);
  let tradeId = last.trade + 1 + Math.floor(order.idGap * 200_000);
  const parts =
    order.split < 0.2
      ? splitOrder(qty, commission.commission, 0.3 + 0.4 * order.share, quantityDecimals(spec))
      : [];
  const fills = (parts.length > 0 ? parts : [{ qty, commission: commission.commission }]).map((part, i) => {
    const fill = fillRecord({
      spec,
      side,
      price,
      qty: part.qty,
      commission: { commission: part.commission, asset: commission.asset },
      id: tradeId,
      orderId,
      time: time + i * (1 + Math.floor(order.fillGap * 40)),
      isMaker: order.maker < 0.4,
    });
    tradeId += 1 + Math.floor(order.fillGap * 7);
    return fill;
  });
  for (const fill of fills) {
    const applied = balances.apply(tradeChanges(fill));
    if (!applied.ok) throw new Error(`demo account: an affordable order went short: ${applied.reason}`);
  }
  ids.set(spec.symbol, { trade: tradeId, order: orderId });
  return fills;
}

/** Options of generateHistory. */
export interface HistoryOptions {
  seed: number;
  /** The end of the history (the demo's start); nothing is dated after it. */
  end: number;
  markets: readonly MarketSpec[];
  prices: PriceBook;
}

const networkOf = (coins: readonly Coin[], coin: string, network: string) =>
  coins.find((c) => c.coin === coin)?.networks.find((n) => n.network === network);

/** Draws the history: the same seed and end give the same records; balances never go below zero on the way. */
export function generateHistory({ seed, end, markets, prices }: HistoryOptions): AccountHistory {
  const stream = (name: string) =>
    mulberry32(hashString(`binance-account:${name}`) ^ Math.imul(seed >>> 0, 0x9e3779b1));
  const details = stream('details');
  const idRng = stream('ids');
  const coins = coinsOf(markets);
  const ids: Ids = new Map(
    Object.keys(ORDERS_PER_MARKET).map((symbol) => [
      symbol,
      { trade: Math.floor(1e8 + idRng() * 3e9), order: Math.floor(1e9 + idRng() * 2e10) },
    ]),
  );
  const balances = createBalances();
  const held = new Set(coins.map((c) => c.coin));
  const history: AccountHistory = {
    trades: [],
    deposits: [],
    withdrawals: [],
    dividends: generateDividends(stream('dividends'), end, held),
  };
  for (const event of plan(stream('schedule'), markets, end)) {
    if (event.kind === 'order') {
      history.trades.push(...fillOrder(event.order, prices, balances, ids));
    } else if (event.kind === 'deposit') {
      const { coin, amount, network } = event.funding;
      const confirmations = networkOf(coins, coin, network)?.minConfirm ?? 1;
      const deposit = {
        id: numericId(details, 18),
        coin,
        network,
        amount,
        address: addressOn(network, details),
        txId: txIdOn(network, details),
        insertTime: event.time,
        status: 1,
        confirmTimes: `${confirmations}/${confirmations}`,
      };
      balances.apply(depositChanges(deposit));
      history.deposits.push(deposit);
    } else {
      const { coin, network, share } = WITHDRAWAL;
      const terms = networkOf(coins, coin, network);
      const fee = new Decimal(terms?.withdrawFee ?? '0');
      const amount = balances.get(coin).times(share).toDecimalPlaces(5, Decimal.ROUND_DOWN);
      const withdrawal = {
        id: hexId(details),
        coin,
        network,
        amount: amount.toFixed(),
        transactionFee: fee.toFixed(),
        address: addressOn(network, details),
        txId: txIdOn(network, details),
        applyTime: event.time,
        completeTime: event.time + Math.round(((5 + 20 * details()) * MINUTE) / 1000) * 1000,
        status: 6,
        confirmNo: terms?.minConfirm ?? 1,
      };
      if (
        amount.greaterThanOrEqualTo(terms?.withdrawMin ?? 0) &&
        balances.apply(withdrawalChanges(withdrawal)).ok
      ) {
        history.withdrawals.push(withdrawal);
      }
    }
  }
  return history;
}
