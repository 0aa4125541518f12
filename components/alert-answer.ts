/** What the alerts panel does with the server's answers: the store's list kept current, the outcome told. */
import type { DashboardStore } from '@/client/store/dashboard-store';
import type { Alert } from '@/lib/protocol';

/** How an action ended, for the panel's message line. */
export type Report = (outcome: { error: string } | { done: string }) => void;

/**
 * Puts an alert the server answered with into the store's list: added when the socket's alerts:changed has not
 * brought it yet, else only its channels taken (the socket's copy may be newer: the alert may have fired since).
 */
export function keepAlert(store: DashboardStore, alert: Alert): void {
  const { alerts, setAlerts } = store.getState();
  if (!alerts) return;
  const known = alerts.some((a) => a.id === alert.id);
  setAlerts(
    known
      ? alerts.map((a) => (a.id === alert.id ? { ...a, channels: alert.channels } : a))
      : [...alerts, alert],
  );
}
