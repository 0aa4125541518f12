/** Binance's wire formats of the account endpoints, built from the demo account's records. */
import { Decimal } from '../../../../lib/portfolio/decimal';
import type { WireObject } from '../binance-wire';
import type { MarketSpec } from '../markets';
import { hashString, mulberry32 } from '../prng';
import { addressOn } from './coins';
import type { Coin, CoinNetwork } from './coins';
import type { DemoApiKey } from './keys';
import type { AccountDeposit, AccountDividend, AccountTrade, AccountWithdrawal } from './records';

const DAY = 86_400_000;

// Binance sends balances, prices and quantities as strings with 8 decimals.
const dec8 = (value: Decimal | string): string => new Decimal(value).toFixed(8);
// The wallet endpoints write times as UTC `yyyy-MM-dd HH:mm:ss`.
const utc = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** `GET /api/v3/account`; `omitZero` drops the empty balances, as `omitZeroBalances=true` asks. */
export function accountBody(
  balances: readonly [string, Decimal][],
  updateTime: number,
  uid: number,
  omitZero: boolean,
): WireObject {
  return {
    makerCommission: 10,
    takerCommission: 10,
    buyerCommission: 0,
    sellerCommission: 0,
    commissionRates: { maker: '0.00100000', taker: '0.00100000', buyer: '0.00000000', seller: '0.00000000' },
    canTrade: true,
    canWithdraw: true,
    canDeposit: true,
    brokered: false,
    requireSelfTradePrevention: false,
    preventSor: false,
    updateTime,
    accountType: 'SPOT',
    balances: balances
      .filter(([, free]) => !(omitZero && free.isZero()))
      .map(([asset, free]) => ({ asset, free: dec8(free), locked: dec8('0') })),
    permissions: ['SPOT'],
    uid,
  };
}

/** One entry of `GET /api/v3/myTrades`. */
export function myTradeEntry(trade: AccountTrade, spec: MarketSpec): WireObject {
  return {
    symbol: spec.id,
    id: trade.id,
    orderId: trade.orderId,
    orderListId: -1,
    price: dec8(trade.price),
    qty: dec8(trade.qty),
    quoteQty: dec8(trade.quoteQty),
    commission: dec8(trade.commission),
    commissionAsset: trade.commissionAsset,
    time: trade.time,
    isBuyer: trade.side === 'buy',
    isMaker: trade.isMaker,
    isBestMatch: true,
  };
}

/** One entry of `GET /sapi/v1/capital/deposit/hisrec`; `includeSource` adds the sending address. */
export function depositEntry(deposit: AccountDeposit, includeSource: boolean): WireObject {
  const entry: WireObject = {
    id: deposit.id,
    amount: deposit.amount,
    coin: deposit.coin,
    network: deposit.network,
    status: deposit.status,
    address: deposit.address,
    addressTag: '',
    txId: deposit.txId,
    insertTime: deposit.insertTime,
    transferType: 0,
    confirmTimes: deposit.confirmTimes,
    unlockConfirm: 0,
    walletType: 0,
  };
  if (includeSource) entry.sourceAddress = addressOn(deposit.network, mulberry32(hashString(deposit.id)));
  return entry;
}

/** One row of `GET /sapi/v1/asset/assetDividend`: amounts on 8 decimals, ids and times as numbers. */
export function dividendEntry(dividend: AccountDividend): WireObject {
  return {
    id: dividend.id,
    amount: dec8(dividend.amount),
    asset: dividend.asset,
    divTime: dividend.divTime,
    enInfo: dividend.enInfo,
    tranId: dividend.tranId,
    direction: dividend.direction,
  };
}

/** One entry of `GET /sapi/v1/capital/withdraw/history`. */
export function withdrawalEntry(withdrawal: AccountWithdrawal): WireObject {
  return {
    id: withdrawal.id,
    amount: dec8(withdrawal.amount),
    transactionFee: withdrawal.transactionFee,
    coin: withdrawal.coin,
    status: withdrawal.status,
    address: withdrawal.address,
    txId: withdrawal.txId,
    applyTime: utc(withdrawal.applyTime),
    network: withdrawal.network,
    transferType: 0,
    info: '',
    confirmNo: withdrawal.confirmNo,
    walletType: 0,
    txKey: '',
    completeTime: utc(withdrawal.completeTime),
  };
}

/** `GET /sapi/v1/account/apiRestrictions` of a key, made `createdDaysAgo` before the history's end. */
export function apiRestrictionsBody(key: DemoApiKey, historyEnd: number): WireObject {
  return {
    ...key.permissions,
    createTime: Math.floor((historyEnd - key.createdDaysAgo * DAY) / 1000) * 1000,
  };
}

const ADDRESS_RULES: Readonly<Record<string, string>> = {
  BTC: '^(bc1)[0-9a-z]{39,59}$',
  TRX: '^T[1-9A-HJ-NP-Za-km-z]{33}$',
  SOL: '^[1-9A-HJ-NP-Za-km-z]{32,44}$',
};

function networkEntry(coin: string, network: CoinNetwork): WireObject {
  return {
    network: network.network,
    coin,
    withdrawIntegerMultiple: '0.00000001',
    isDefault: network.isDefault,
    depositEnable: true,
    withdrawEnable: true,
    depositDesc: '',
    withdrawDesc: '',
    specialTips: '',
    specialWithdrawTips: '',
    name: network.name,
    resetAddressStatus: false,
    addressRegex: ADDRESS_RULES[network.network] ?? '^(0x)[0-9A-Fa-f]{40}$',
    memoRegex: '',
    withdrawFee: network.withdrawFee,
    withdrawMin: network.withdrawMin,
    withdrawMax: '9999999999.99999999',
    minConfirm: network.minConfirm,
    unLockConfirm: 0,
    sameAddress: false,
    estimatedArrivalTime: 5,
    busy: false,
  };
}

/** One entry of `GET /sapi/v1/capital/config/getall`: a coin, its free balance and its networks. */
export function coinEntry(coin: Coin, free: Decimal): WireObject {
  const zero = dec8('0');
  return {
    coin: coin.coin,
    depositAllEnable: !coin.isLegalMoney,
    withdrawAllEnable: !coin.isLegalMoney,
    name: coin.name,
    free: dec8(free),
    locked: zero,
    freeze: zero,
    withdrawing: zero,
    ipoing: zero,
    ipoable: zero,
    storage: zero,
    isLegalMoney: coin.isLegalMoney,
    trading: true,
    networkList: coin.networks.map((network) => networkEntry(coin.coin, network)),
  };
}
