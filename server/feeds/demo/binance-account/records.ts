/**
 * The demo account's records in Binance's terms (fills, deposits, withdrawals, asset dividends); amounts are exact
 * decimal strings.
 */

/** One fill; an order may fill in several, which share its orderId. */
export interface AccountTrade {
  /** Unified symbol, e.g. `ETH/BTC`. */
  symbol: string;
  /** Binance's trade id: increasing per market, with other people's trades in the gaps. */
  id: number;
  orderId: number;
  side: 'buy' | 'sell';
  price: string;
  qty: string;
  /** price × qty, exactly. */
  quoteQty: string;
  commission: string;
  commissionAsset: string;
  time: number;
  isMaker: boolean;
}

/** One deposit; status 1 is Binance's "success". */
export interface AccountDeposit {
  id: string;
  coin: string;
  network: string;
  amount: string;
  address: string;
  txId: string;
  insertTime: number;
  status: number;
  /** Confirmations seen and needed, e.g. `12/12`. */
  confirmTimes: string;
}

/** One withdrawal; the balance lost amount plus transactionFee. Status 6 is Binance's "completed". */
export interface AccountWithdrawal {
  id: string;
  coin: string;
  network: string;
  amount: string;
  transactionFee: string;
  address: string;
  txId: string;
  applyTime: number;
  completeTime: number;
  status: number;
  confirmNo: number;
}

/**
 * One row of the asset-dividend record: interest, staking rewards, airdrops and other distributions, each with
 * its reason in `enInfo`. `direction` 1 credits the amount, -1 debits it.
 */
export interface AccountDividend {
  id: number;
  amount: string;
  asset: string;
  divTime: number;
  enInfo: string;
  /** The transfer that paid it; one distribution may pay several rows under one tranId. */
  tranId: number;
  direction: 1 | -1;
}

/** Everything the account's history holds, each list oldest first. */
export interface AccountHistory {
  trades: AccountTrade[];
  deposits: AccountDeposit[];
  withdrawals: AccountWithdrawal[];
  dividends: AccountDividend[];
}

/** Base and quote of a unified symbol. */
export function assetsOfSymbol(symbol: string): { base: string; quote: string } {
  const [base = '', quote = ''] = symbol.split('/');
  return { base, quote };
}
