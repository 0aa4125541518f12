/** feeds:status to this instance's clients: feed health, at most once a second. */
import type { FeedStatus } from '../../lib/protocol';
import type { LivefolioServer } from './connection';

// Feed health changes come in bursts (every feed at start, all streams of a feed at once): send at most one
// status message per second, always ending with the latest.
export function broadcastStatus(io: LivefolioServer): (statuses: FeedStatus[]) => void {
  let latest: FeedStatus[] | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lastSent = 0;
  const send = () => {
    timer = null;
    if (!latest) return;
    lastSent = Date.now();
    // Each instance tells its own clients about the feeds it runs.
    io.local.emit('feeds:status', { feeds: latest });
    latest = null;
  };
  return (statuses) => {
    latest = statuses;
    if (timer) return;
    timer = setTimeout(send, Math.max(0, lastSent + 1000 - Date.now()));
    timer.unref();
  };
}
