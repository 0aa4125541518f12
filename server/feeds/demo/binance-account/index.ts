/** The simulated Binance's account: a seeded history, the signed endpoints that serve it, and its controller. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CandleHistory } from '../candles';
import type { FaultControl } from '../faults';
import type { MarketSpec } from '../markets';
import { hashString } from '../prng';
import type { WeightMeter } from '../weight-meter';
import { accountSwitchesOf, createAccountFaults } from './faults';
import type { AccountFaults } from './faults';
import { createAccountHandler } from './handler';
import { generateHistory } from './history';
import { createLedger } from './ledger';
import type { AccountLedger, NewDeposit, NewDividend, NewTrade } from './ledger';
import { createPriceBook } from './prices';
import type { AccountDeposit, AccountDividend, AccountTrade, AccountWithdrawal } from './records';

export type { AccountFaults } from './faults';
export { HISTORY_DAYS, ORDERS_PER_MARKET, UNRECORDED_BALANCES } from './history';
export {
  DEMO_BINANCE_KEY,
  DEMO_BINANCE_SECRET,
  DEMO_BINANCE_TRADING_KEY,
  DEMO_BINANCE_TRADING_SECRET,
} from './keys';
export type { NewDeposit, NewDividend, NewTrade } from './ledger';
export type { AccountDeposit, AccountDividend, AccountTrade, AccountWithdrawal } from './records';

/** What a test or a demo drives the account with; records come back as copies, oldest first. */
export interface DemoBinanceAccount {
  readonly faults: AccountFaults;
  /** The fills, of one unified symbol or of all. */
  trades(symbol?: string): AccountTrade[];
  deposits(): AccountDeposit[];
  withdrawals(): AccountWithdrawal[];
  /** The asset-dividend record: interest, staking rewards, airdrops. */
  dividends(): AccountDividend[];
  /** Every non-zero balance by asset, as plain decimals: what `GET /api/v3/account` reports as free. */
  balances(): Record<string, string>;
  /** Adds a filled order (one fill) and books it; a RangeError, and no change, when it is bad or unaffordable. */
  addTrade(trade: NewTrade): AccountTrade;
  /** Adds a successful deposit and books it; a RangeError, and no change, when it is bad. */
  addDeposit(deposit: NewDeposit): AccountDeposit;
  /** Adds an asset-dividend row and books it; a RangeError, and no change, when it is bad or a debit goes short. */
  addDividend(dividend: NewDividend): AccountDividend;
}

/** What the account is made from: the demo's seed and start, its catalogue and candles, its clock and budgets. */
export interface BinanceAccountDeps {
  seed: number;
  /** The end of the seeded history: the demo's start. */
  end: number;
  now: () => number;
  markets: readonly MarketSpec[];
  candles: CandleHistory;
  /** The market's current price, for trades added without one. */
  lastPrice(spec: MarketSpec): number | undefined;
  faults: FaultControl;
  weights: { api: WeightMeter; sapi: WeightMeter };
}

/** The account, and the HTTP handler of its endpoints for the demo's server. */
export interface BinanceAccountService {
  account: DemoBinanceAccount;
  serves(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/** Builds the account; its history (about 0.2 s of work) is drawn on first use, so a demo starts as fast as before. */
export function createBinanceAccount(deps: BinanceAccountDeps): BinanceAccountService {
  const { seed, end, now, markets } = deps;
  let built: AccountLedger | undefined;
  const ledger = (): AccountLedger => {
    if (built === undefined) {
      const prices = createPriceBook(deps.candles, markets);
      const history = generateHistory({ seed, end, markets, prices });
      built = createLedger(history, { seed, markets, prices, now, lastPrice: deps.lastPrice });
    }
    return built;
  };
  const accountFaults = createAccountFaults();
  const uid = 100_000_000 + (hashString(`binance-account:uid:${seed}`) % 900_000_000);
  const handler = createAccountHandler({
    ledger,
    markets,
    faults: deps.faults,
    accountFaults,
    now,
    weights: deps.weights,
    historyEnd: end,
    uid,
  });
  const account: DemoBinanceAccount = {
    faults: accountSwitchesOf(accountFaults),
    trades: (symbol) =>
      ledger()
        .trades()
        .filter((t) => symbol === undefined || t.symbol === symbol)
        .map((t) => ({ ...t })),
    deposits: () =>
      ledger()
        .deposits()
        .map((d) => ({ ...d })),
    withdrawals: () =>
      ledger()
        .withdrawals()
        .map((w) => ({ ...w })),
    dividends: () =>
      ledger()
        .dividends()
        .map((d) => ({ ...d })),
    balances: () =>
      Object.fromEntries(
        ledger()
          .balances()
          .filter(([, free]) => !free.isZero())
          .map(([asset, free]) => [asset, free.toFixed()]),
      ),
    addTrade: (trade) => ({ ...ledger().addTrade(trade) }),
    addDeposit: (deposit) => ({ ...ledger().addDeposit(deposit) }),
    addDividend: (dividend) => ({ ...ledger().addDividend(dividend) }),
  };
  return { account, serves: handler.serves, handle: handler.handle };
}
