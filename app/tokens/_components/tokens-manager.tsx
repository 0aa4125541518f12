'use client';
/** The tokens list, the form that creates one, and the one-time view of a token just created. */
import { useEffect, useState } from 'react';
import { useT } from '@/client/i18n/provider';
import { listTokens } from '@/client/api/tokens';
import type { ApiToken } from '@/client/api/tokens';
import { FormAlert, formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { PagePanel } from '@/components/page-shell';
import { CreatedToken } from './created-token';
import { NewTokenForm } from './new-token-form';
import { TokenRow } from './token-row';
import styles from './tokens.module.css';

/** Loads the list once; a created or revoked token changes it from the server's answer. */
export function TokensManager() {
  const t = useT('tokens');
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  // When the list was read: a token is shown as expired against this, not against a clock ticking in render.
  const [readAt, setReadAt] = useState(0);
  const [loadError, setLoadError] = useState<FormMessage | null>(null);
  const [signedOut, setSignedOut] = useState(false);
  const [created, setCreated] = useState<{ token: ApiToken; secret: string } | null>(null);
  const [notice, setNotice] = useState<FormMessage | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    void listTokens(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) {
        setTokens(result.data);
        setReadAt(Date.now());
      } else {
        setLoadError(formMessage(result.message));
        setSignedOut(result.status === 401);
      }
    });
    return () => controller.abort();
  }, []);

  const onCreated = (made: { token: ApiToken; secret: string }) => {
    setCreated(made);
    setNotice(null);
    setTokens((list) => [...(list ?? []), made.token]);
  };
  const onRevoked = (token: ApiToken) => {
    setTokens((list) => (list ?? []).filter((one) => one.id !== token.id));
    if (created?.token.id === token.id) setCreated(null);
    setNotice(formMessage(t('revoked', { name: token.name })));
  };

  return (
    <>
      <p className={styles.intro}>
        {t('intro')}{' '}
        <a href="/api-docs" className={styles.link}>
          {t('apiDocsLink')}
        </a>
      </p>
      <FormAlert message={loadError} />
      {signedOut && (
        <p>
          <a href="/login?next=%2Ftokens" className={styles.link}>
            {t('signIn')}
          </a>
        </p>
      )}
      {tokens === null && !loadError && <p className={styles.muted}>{t('loading')}</p>}
      {created && <CreatedToken created={created} onDone={() => setCreated(null)} />}
      {tokens && (
        <div className={styles.columns}>
          <PagePanel title={t('listTitle')} titleId="tokens-list-title" count={tokens.length}>
            <FormAlert message={notice} tone="done" />
            {tokens.length === 0 ? (
              <p className={styles.muted}>{t('none')}</p>
            ) : (
              <ul className={styles.list}>
                {tokens.map((token) => (
                  <TokenRow key={token.id} token={token} readAt={readAt} onRevoked={onRevoked} />
                ))}
              </ul>
            )}
          </PagePanel>
          <NewTokenForm onCreated={onCreated} />
        </div>
      )}
    </>
  );
}
