'use client';
/** A connection's buttons: "Sync now" (refused while one runs), and "Disconnect", confirmed. */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { FormAlert, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { rowButton, useFocusLater } from '@/components/use-focus-later';
import { removeConnection, syncNow } from '@/client/api/connections';
import type { ConnectionSummary } from '@/client/api/connections';
import { useT } from '@/client/i18n/provider';
import type { Translate } from '@/lib/i18n/messages/en';
import { ConfirmGroup } from '@/components/confirm-group';
import { ERROR_KEYS, exchangeTitle, resultText } from './connection-text';
import styles from './accounts.module.css';

interface ConnectionActionsProps {
  connection: ConnectionSummary;
  /** The connection as the server answered "Sync now". */
  onChanged(connection: ConnectionSummary): void;
  /** After the server removed it; the account stays, as a manual one. */
  onDisconnected(connection: ConnectionSummary): void;
}

/** The buttons, or the question before disconnecting; a refusal (too many syncs asked for) is shown above them. */
export function ConnectionActions({ connection: c, onChanged, onDisconnected }: ConnectionActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormMessage | null>(null);
  // Whether this page asked for a sync: then its end is announced, as the badge alone is not.
  const [asked, setAsked] = useState(false);
  const focusLater = useFocusLater();
  const t = useT('accounts');
  const name = c.account.name;
  const syncing = c.state === 'syncing';
  const back = () => {
    setConfirming(false);
    focusLater(rowButton('disconnect', c.id));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') back();
  };
  const startSync = () => {
    if (busy || syncing) return;
    setBusy(true);
    setError(null);
    void syncNow(c.id).then((result) => {
      setBusy(false);
      // The server's words say when to try again.
      if (!result.ok) return setError(formMessage(result.message));
      setAsked(true);
      onChanged(result.data);
    });
  };
  const disconnect = () => {
    setBusy(true);
    setError(null);
    void removeConnection(c.id).then((result) => {
      setBusy(false);
      if (result.ok) return onDisconnected(c);
      setError(formMessage(result.message));
      back();
    });
  };

  return (
    <>
      <p role="status" className="sr-only">
        {asked && syncOutcome(t, c)}
      </p>
      <FormAlert message={error} />
      {confirming ? (
        <ConfirmGroup
          label={t('disconnectQuestion', { name })}
          action={t('confirmDisconnect')}
          busyAction={t('disconnecting')}
          cancel={t('cancel')}
          busy={busy}
          onConfirm={disconnect}
          onCancel={back}
          onKeyDown={onKeyDown}
        >
          {t('disconnectBody', { name, exchange: exchangeTitle(c.exchange) })}
        </ConfirmGroup>
      ) : (
        <div className={styles.actions}>
          <button
            type="button"
            className={styles.button}
            aria-label={t('syncNowLabel', { name })}
            title={syncing ? t('syncRunning') : undefined}
            // aria-disabled, not disabled: a disabled button drops the keyboard focus it had.
            aria-disabled={busy || syncing}
            onClick={startSync}
          >
            {t('syncNow')}
          </button>
          <button
            type="button"
            className={styles.button}
            aria-label={t('disconnectLabel', { name })}
            data-action="disconnect"
            data-id={c.id}
            onClick={() => setConfirming(true)}
          >
            {t('disconnect')}
          </button>
        </div>
      )}
    </>
  );
}

/** A sync's outcome in words, for the announcement. */
function syncOutcome(t: Translate<'accounts'>, c: ConnectionSummary): string {
  if (c.state === 'syncing') return t('syncStarted');
  if (c.state === 'error' && c.lastError) return t('syncFailed', { reason: t(ERROR_KEYS[c.lastError.code]) });
  return c.lastResult ? t('syncFinished', { result: resultText(t, c.lastResult) }) : '';
}
