/** What the server's answers say beside their figures: the performance notes, the value history's backfill. */
export const notes = {
  // The performance (server/portfolio/performance-answer.ts).
  oneValue: 'One value recorded in this range so far: a return needs two.',
  noValues: 'No values recorded in this range yet.',
  depositUnpriced:
    'The deposit of {quantity} {asset} on {day} has no {asset}/{currency} price of its minute: the return counts it as performance.',
  withdrawalUnpriced:
    'The withdrawal of {quantity} {asset} on {day} has no {asset}/{currency} price of its minute: the return counts it as performance.',
  noBenchmarkMarket:
    'No configured exchange lists {asset}/{currency}: there is no {asset} line to compare with.',
  noBenchmarkLine: 'No {asset} line: {reason}',
  exchangeSilent: 'the exchange did not answer',
  // An error's own text (an exchange's, a library's), shown as it was written.
  asWritten: '{text}',
  unpricedContributions:
    'No {timeframe} candles price {assets} in {currency} at some times in this range: their moves then are in "other", not in their contribution.',

  // The value history's backfill (server/portfolio/value-backfill.ts); the page capitalises the first letter.
  backfillFailed: 'The backfill failed; it runs again on the next change.',
  backfillGaps: '{reasons}.',
  reasonList: '{first}; {rest}',
  unpricedAssets: 'no market prices {assets} in {currency}',
  noDailyHistory: 'no daily history for {streams}',
  daysWithoutClose: '{missing} of {days} days lack a close',
};
