import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../server/import/file-format';
import { fixture, refusal } from './parse-file';

describe('telling a file’s format from its header row', () => {
  it.each([
    ['binance-trade-history.csv', 'binance', 1, 9],
    ['coinbase-transaction-history.csv', 'coinbase', 4, 14],
    ['kraken-ledgers.csv', 'kraken', 1, 18],
  ])('[P4] %s is a %s file, its header on line %i, %i rows under it', (name, format, line, rows) => {
    const file = readImportFile(fixture(name), 'auto');
    expect([file.format, file.header.line, file.rows.length]).toEqual([format, line, rows]);
    expect(readImportFile(fixture(name), format as 'binance').format).toBe(format);
  });

  it('[P4] a Livefolio export stays one, and a byte-order mark changes nothing', () => {
    const text =
      '\uFEFFtime,type,asset,quantity,price,quote_currency,fee,fee_currency\n2025-01-02T00:00:00Z,buy,BTC,1,1,USDT,0,USDT';
    expect(readImportFile(text, 'auto').format).toBe('livefolio');
  });

  it('[P4] only Coinbase’s report may have lines before its header', () => {
    const binance = `Trade History\n${fixture('binance-trade-history.csv')}`;
    expect(refusal(() => readImportFile(binance, 'auto'))).toMatch(/^line 1: not a file Livefolio imports/);
  });

  it('[P4] more rows than an import takes are refused', () => {
    const row = '"2025-01-06 09:15:02","BTCUSDT","BUY","94000.00","0.01BTC","940USDT","0.00001BTC"';
    const text = [
      '"Date(UTC)","Pair","Side","Price","Executed","Amount","Fee"',
      ...Array(10_001).fill(row),
    ].join('\n');
    expect(refusal(() => readImportFile(text, 'auto'))).toBe(
      'At most 10000 transactions per import; this file has 10001.',
    );
  });
});
