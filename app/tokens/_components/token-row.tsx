'use client';
/** One token in the list: its name, access, when it was made, expires and was last used; Revoke, confirmed. */
import { useState } from 'react';
import { dateTimeFormat } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { revokeToken } from '@/client/api/tokens';
import type { ApiToken } from '@/client/api/tokens';
import { FormAlert, formMessage } from '@/components/auth-card';
import { ConfirmGroup } from '@/components/confirm-group';
import type { FormMessage } from '@/components/auth-card';
import styles from './tokens.module.css';

const dateFormat = (locale: string) => dateTimeFormat(locale, { dateStyle: 'medium' });
const timeFormat = (locale: string) => dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

export function TokenRow({
  token,
  readAt,
  onRevoked,
}: {
  token: ApiToken;
  /** When the list was read: what "expired" is judged against. */
  readAt: number;
  onRevoked(token: ApiToken): void;
}) {
  const t = useT('tokens');
  const locale = useFormatLocale();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormMessage | null>(null);
  const date = (ms: number) => dateFormat(locale).format(new Date(ms));
  const expired = token.expiresAt !== null && token.expiresAt <= readAt;

  const revoke = () => {
    setBusy(true);
    setError(null);
    void revokeToken(token.id).then((result) => {
      setBusy(false);
      if (result.ok || result.status === 404) onRevoked(token);
      else setError(formMessage(result.message));
    });
  };

  return (
    <li className={styles.token}>
      <div className={styles.summary}>
        <span className={styles.name}>{token.name}</span>
        <span className={token.scope === 'read' ? styles.scope : styles.scopeWrite}>
          {token.scope === 'read' ? t('read') : t('readWrite')}
        </span>
        {expired && <span className={styles.expired}>{t('expired')}</span>}
        <code className={styles.hint}>{t('endsIn', { hint: token.hint })}</code>
      </div>
      <p className={styles.facts}>
        <span>{t('createdAt', { date: date(token.createdAt) })}</span>
        <span>
          {token.expiresAt === null
            ? t('noExpiry')
            : t(expired ? 'expiredAt' : 'expiresAt', { date: date(token.expiresAt) })}
        </span>
        <span>
          {token.lastUsedAt === null
            ? t('neverUsed')
            : t('lastUsed', { date: timeFormat(locale).format(new Date(token.lastUsedAt)) })}
        </span>
      </p>
      <FormAlert message={error} />
      {confirming ? (
        <ConfirmGroup
          label={t('revokeQuestion', { name: token.name })}
          action={t('revokeConfirm')}
          busyAction={t('revokeBusy')}
          cancel={t('cancel')}
          busy={busy}
          onConfirm={revoke}
          onCancel={() => setConfirming(false)}
        >
          {t('revokeQuestion', { name: token.name })}
        </ConfirmGroup>
      ) : (
        <div className={styles.actions}>
          <button
            type="button"
            className={`${styles.button} ${styles.danger}`}
            aria-label={t('revokeNamed', { name: token.name })}
            onClick={() => setConfirming(true)}
          >
            {t('revoke')}
          </button>
        </div>
      )}
    </li>
  );
}
