import { describe, expect, it } from 'vitest';
import { parseKraken } from '../../../server/import/kraken';
import { krakenAsset } from '../../../server/import/kraken-assets';
import { fileOf, fixture, plain, refusal, viewOf } from './parse-file';

const kraken = viewOf('kraken', ['BTC/USD', 'ETH/USD', 'SOL/USD', 'DOT/USD', 'ETH/BTC']);
const HEADER = 'txid,refid,time,type,subtype,aclass,asset,wallet,amount,fee,balance';
const parse = (rows: string[], view = kraken) =>
  parseKraken(fileOf([HEADER, ...rows].join('\n'), 'kraken'), view);
const sample = () => parseKraken(fileOf(fixture('kraken-ledgers.csv'), 'kraken'), kraken);

describe('the Kraken ledgers export', () => {
  it('[P4] pairs the two rows of each trade by refid, the side told by the markets, the fee on either row', () => {
    const trades = sample()
      .records.filter((r) => r.kind === 'trade')
      .map((r) => plain(r));
    expect(trades).toEqual([
      {
        kind: 'trade',
        lines: [4, 5],
        record: {
          id: 'TJKL2X-PQ4SM-7YTB3N',
          symbol: 'BTC/USD',
          base: 'BTC',
          quote: 'USD',
          side: 'buy',
          amount: '0.03',
          price: '95000',
          cost: '2850',
          fee: { amount: '7.41', currency: 'USD' },
          timeMs: Date.UTC(2025, 0, 5, 14, 22, 10, 351),
        },
      },
      expect.objectContaining({
        lines: [6, 7],
        record: expect.objectContaining({ side: 'buy', fee: { amount: '0.001', currency: 'ETH' } }),
      }),
      expect.objectContaining({
        lines: [8, 9],
        record: expect.objectContaining({ symbol: 'ETH/BTC', side: 'sell', amount: '0.2', cost: '0.007' }),
      }),
      // Bought with the Buy Crypto button: spend and receive.
      expect.objectContaining({
        lines: [15, 16],
        record: expect.objectContaining({ symbol: 'SOL/USD', side: 'buy' }),
      }),
    ]);
  });

  it('[P4] books deposits, withdrawals and rewards under Kraken’s ids, and leaves out pending copies and wallet moves', () => {
    const parsed = sample();
    const others = parsed.records
      .filter((r) => r.kind !== 'trade')
      .map((r) => [
        r.kind === 'income' ? r.record.type : r.kind,
        r.record.id,
        r.record.currency,
        r.record.amount.toString(),
      ]);
    expect(others).toEqual([
      ['deposit', 'QCF2TZ-4XNOB-K7WQ3A', 'USD', '5000'],
      ['deposit', 'FTk3Qp9-Lm2Xv8Rc4Tn6Yz1Wd5Hs7Jb', 'DOT', '100'],
      ['staking', 'LK8B1Z-6JRT3-MV2X7N', 'DOT', '0.35'],
      ['staking', 'LD2F7Q-9NVX4-TB6M1R', 'ETH', '0.0021'],
      ['withdrawal', 'FTr8Ws2-Kp4Nd7Qx1Bv9Lm3Tc6Hy5Zg', 'BTC', '0.01'],
      ['airdrop', 'LC7Q4N-8WZX2-DP3B6M', 'BCH', '0.05'],
    ]);
    expect(plain(parsed.records.find((r) => r.kind === 'withdrawal')?.record)).toMatchObject({
      fee: { amount: '0.00002', currency: 'BTC' },
    });
    // Two rows without a txid (not settled yet), and the two rows of a move into Kraken's earn wallet.
    expect(parsed.ignored).toEqual([2, 11, 12, 18]);
    expect(parsed.warnings).toEqual([]);
  });

  it('[P4] maps Kraken’s asset codes to the common ones', () => {
    const codes = [
      'XXBT',
      'XBT.M',
      'ZUSD',
      'ZEUR',
      'XETH',
      'ETH2.S',
      'ETH2',
      'DOT.S',
      'DOT28.S',
      'XXDG',
      'USD.HOLD',
      'USDC.F',
      'SOL',
      'ADA.B',
    ];
    expect(codes.map(krakenAsset)).toEqual([
      'BTC',
      'BTC',
      'USD',
      'EUR',
      'ETH',
      'ETH',
      'ETH',
      'DOT',
      'DOT',
      'DOGE',
      'USD',
      'USDC',
      'SOL',
      'ADA',
    ]);
  });

  it('[P4] without Kraken configured, the known quote currencies tell the side, and the answer says so', () => {
    const parsed = parse(
      [
        'L1,T1,2025-01-05 14:22:10,trade,,currency,XETH,spot / main,-1,0,0',
        'L2,T1,2025-01-05 14:22:10,trade,,currency,XXBT,spot / main,0.05,0,0.05',
      ],
      viewOf('kraken'),
    );
    expect(plain(parsed.records[0]?.record)).toMatchObject({ symbol: 'ETH/BTC', side: 'sell' });
    expect(parsed.warnings).toEqual([expect.stringMatching(/^Kraken is not configured on this server/)]);
  });

  it('[L6][P4] says so in the reader’s language', () => {
    const rows = [
      'L1,T1,2025-01-05 14:22:10,trade,,currency,XETH,spot / main,-1,0,0',
      'L2,T1,2025-01-05 14:22:10,trade,,currency,XXBT,spot / main,0.05,0,0.05',
    ];
    const german = { language: 'de' as const, formatLocale: 'de-DE' };
    expect(
      parseKraken(fileOf([HEADER, ...rows].join('\n'), 'kraken'), viewOf('kraken'), german).warnings,
    ).toEqual([
      'Kraken ist auf diesem Server nicht eingerichtet: welche Währung eines Trades die Gegenwährung ist, wurde ' +
        'anhand der bekannten Gegenwährungen bestimmt (docs/imports.md).',
    ]);
  });

  it.each([
    [
      'a margin row',
      ['L1,M1,2025-01-05 14:22:10,margin,,currency,ZUSD,spot / main,-1,0,0'],
      /line 2: type: "margin" is not one Livefolio books/,
    ],
    [
      'half a trade',
      ['L1,T1,2025-01-05 14:22:10,trade,,currency,ZUSD,spot / main,-100,0,0'],
      /line 2: trade T1 has 1 row/,
    ],
    [
      'a trade of three rows',
      [
        'L1,T1,2025-01-05 14:22:10,trade,,currency,ZUSD,,-100,0,0',
        'L2,T1,2025-01-05 14:22:10,trade,,currency,XXBT,,0.001,0,0',
        'L3,T1,2025-01-05 14:22:10,trade,,currency,KFEE,,-5,0,0',
      ],
      /lines 2, 3, 4: trade T1 has 3 rows/,
    ],
    [
      'a fee on both sides of a trade',
      [
        'L1,T1,2025-01-05 14:22:10,trade,,currency,ZUSD,,-100,0.1,0',
        'L2,T1,2025-01-05 14:22:10,trade,,currency,XXBT,,0.001,0.00001,0',
      ],
      /lines 2, 3: trade T1 has a fee on both sides/,
    ],
    [
      'a trade no market lists',
      [
        'L1,T1,2025-01-05 14:22:10,trade,,currency,SOL,,-1,0,0',
        'L2,T1,2025-01-05 14:22:10,trade,,currency,XXBT,,0.001,0,0',
      ],
      /lines 2, 3: no Kraken market trades SOL for BTC/,
    ],
    [
      'a move between wallets with a fee',
      ['L1,E1,2025-01-05 14:22:10,earn,allocation,currency,DOT,spot / main,-1,0.1,0'],
      /line 2: fee: a move between Kraken wallets with a fee/,
    ],
    [
      'a deposit that takes out',
      ['L1,Q1,2025-01-05 14:22:10,deposit,,currency,ZUSD,spot / main,-1,0,0'],
      /line 2: amount: a deposit must be positive/,
    ],
    [
      'a reward taken back',
      ['L1,S1,2025-01-05 14:22:10,staking,,currency,DOT.S,spot / main,-1,0,0'],
      /line 2: amount: staking income must be positive/,
    ],
    [
      'a negative fee',
      ['L1,Q1,2025-01-05 14:22:10,deposit,,currency,ZUSD,spot / main,1,-0.5,0'],
      /line 2: fee: must not be negative/,
    ],
    [
      'an amount that is not one',
      ['L1,Q1,2025-01-05 14:22:10,deposit,,currency,ZUSD,spot / main,1e3,0,0'],
      /line 2: amount: expected a decimal other than 0/,
    ],
    [
      'a time that is not one',
      ['L1,Q1,2025-13-05 14:22:10,deposit,,currency,ZUSD,spot / main,1,0,0'],
      /line 2: time: expected a UTC time/,
    ],
  ])('[P4] refuses %s, naming its lines', (_name, rows, message) => {
    expect(refusal(() => parse(rows))).toMatch(message);
  });
});
