/** The alerts panel: price alerts, their form and their states. */
export const alerts = {
  // The panel.
  title: 'Price alerts',
  enableNotifications: 'Enable browser notifications',
  retry: 'Try again',
  // The form.
  marketLabel: 'Market',
  noMarkets: 'No watched markets',
  conditionLabel: 'Condition',
  above: 'Above',
  below: 'Below',
  priceLabel: 'Price',
  lastHint: 'Last {price}',
  noteLabel: 'Note',
  optional: '(optional)',
  submit: 'Set alert',
  submitting: 'Setting…',
  setDone: 'Alert set: {alert}.',
  deletedDone: 'Alert deleted: {alert}.',
  // An alert in a sentence: "BTC/USDT · Binance above 50000".
  alertName: '{market} {condition} {price}',
  aboveWord: 'above',
  belowWord: 'below',
  // The list.
  loading: 'Loading alerts…',
  empty: 'No alerts yet: choose a market and a price above.',
  deleteLabel: 'Delete alert {symbol} {condition} {price}',
  deleteTitle: 'Delete this alert',
  waiting: 'Waiting',
  // {time} is the moment's element, put in by the list.
  triggered: 'Triggered {time} at {price}',
  // A fired alert's notification (lib/alerts.ts describeTriggered).
  notificationTitle: 'Livefolio alert',
  marketOnExchange: '{symbol} on {exchange}',
  triggeredLine: '{market} is {condition} {price}',
  triggeredLineLast: '{market} is {condition} {price} (last {last})',
};
