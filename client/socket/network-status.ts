/** The browser's own idea of being online (navigator.onLine and the window's online/offline events). */

/** True only when a browser says it has no network; outside browsers nothing is known, so false. */
export function browserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** Calls the handlers on the window's online/offline events; returns the function that stops listening. */
export function watchNetwork(handlers: { online(): void; offline(): void }): () => void {
  const target = typeof window === 'undefined' ? null : window;
  if (!target || typeof target.addEventListener !== 'function') return () => {};
  const online = () => handlers.online();
  const offline = () => handlers.offline();
  target.addEventListener('online', online);
  target.addEventListener('offline', offline);
  return () => {
    target.removeEventListener('online', online);
    target.removeEventListener('offline', offline);
  };
}
