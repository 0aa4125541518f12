'use client';
/** Fired price alerts as browser notifications: the permission, its request, and one notification per alert. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { describeTriggered } from '@/lib/alerts';
import type { Translate } from '@/lib/i18n/messages/en';
import type { DashboardStore } from '@/client/store/dashboard-store';

/** Tells each fired alert through a browser notification once, when allowed; 'unsupported' without the API. */
export function useBrowserNotifications(store: DashboardStore, t: Translate<'alerts'>) {
  const current = useSyncExternalStore(subscribeToNothing, permissionNow, permissionOnServer);
  // The permission has no change event of its own: the request's answer is the change shown.
  const [answer, setAnswer] = useState<NotificationPermission | null>(null);
  const state = answer ?? current;

  useEffect(() => {
    const supported = typeof Notification !== 'undefined';
    const tell = () => {
      const fired = store.getState().firedAlerts;
      if (fired.length === 0) return;
      store.getState().firedAlertsTold(fired.map((a) => a.id));
      if (!supported || Notification.permission !== 'granted') return;
      for (const alert of fired) {
        try {
          // The tag makes the alert's notifications from several tabs replace each other rather than pile up.
          new Notification(t('notificationTitle'), {
            body: describeTriggered(alert, t),
            tag: `alert-${alert.id}`,
          });
        } catch {
          // Android's Chrome allows only a service worker's notifications; the page's notice remains.
        }
      }
    };
    tell();
    // After the store's own update, not inside it: taking them out is another update.
    return store.subscribe((s, prev) => {
      if (s.firedAlerts !== prev.firedAlerts && s.firedAlerts.length > 0) queueMicrotask(tell);
    });
  }, [store, t]);

  const request = () => {
    void Notification.requestPermission().then(setAnswer, () => undefined);
  };
  return { state, request };
}

const subscribeToNothing = () => () => undefined;

function permissionNow(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

// The server has no Notification: its render, and the browser's hydrating one, offer no button.
function permissionOnServer(): 'unsupported' {
  return 'unsupported';
}
