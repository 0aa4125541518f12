import { describe, expect, it } from 'vitest';
import { apiText } from '../../../client/api/api-texts';
import { HistoryLoader } from '../../../client/socket/history-loader';
import { createDashboardStore } from '../../../client/store/dashboard-store';
import type { NoticeMessage } from '../../../client/store/notice';

const STREAM = 'binance:BTC/USDT';

/** A loader whose server answers every history request with `body` (JSON, or a Response as it is), and its notices. */
function loaderAnswering(body: unknown) {
  const store = createDashboardStore();
  const notices: NoticeMessage[] = [];
  const loader = new HistoryLoader(store, {
    baseUrl: '',
    fetchImpl: () => Promise.resolve(body instanceof Response ? body : Response.json(body)),
    notify: (message) => notices.push(message),
  });
  return { store, loader, notices };
}

describe('the price history over HTTP', () => {
  it('[H1] puts a stream’s history as the server sent it into the store', async () => {
    const points = [
      [1_700_000_000_000, 42_000.5],
      [1_700_000_001_000, 42_001],
    ];
    const { store, loader, notices } = loaderAnswering({ intervalMs: 1000, series: { [STREAM]: points } });
    await loader.ensure([STREAM]);
    expect(store.getState().series[STREAM]).toEqual(points);
    expect(notices).toEqual([]);
    expect(loader.plan([STREAM]).full).toEqual([]);
  });

  it.each([
    ['a price as text', { intervalMs: 1000, series: { [STREAM]: [[1_700_000_000_000, '42000']] } }],
    ['a point without its price', { intervalMs: 1000, series: { [STREAM]: [[1_700_000_000_000]] } }],
    ['no series', { intervalMs: 1000 }],
    [
      'a proxy’s page',
      new Response('<html>Bad gateway</html>', { headers: { 'content-type': 'text/html' } }),
    ],
  ])('[H1] says so when the answer holds %s, draws nothing of it, and asks again later', async (_, body) => {
    const { store, loader, notices } = loaderAnswering(body);
    await loader.ensure([STREAM]);
    expect(store.getState().series[STREAM]).toBeUndefined();
    expect(notices).toEqual([{ text: apiText('unexpectedAnswer') }]);
    expect(loader.plan([STREAM]).full).toEqual([STREAM]);
  });
});
