'use client';
/** The reference: every operation of the server's OpenAPI document, grouped by area, and its named schemas. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useT } from '@/client/i18n/provider';
import { operationsOf, schemasOf } from './openapi-shape';
import type { Operation } from './openapi-shape';
import { OperationView } from './operation-view';
import { schemaText } from './schema-text';
import styles from './api-docs.module.css';

const DOCUMENT = '/api/v1/openapi.json';

/** The title of each area (the operations' tag) of the server's document; another tag shows as it is. */
const AREA_TITLES = {
  auth: 'areaAuth',
  tokens: 'areaTokens',
  market: 'areaMarket',
  portfolio: 'areaPortfolio',
  transactions: 'areaTransactions',
  accounts: 'areaAccounts',
  connections: 'areaConnections',
  alerts: 'areaAlerts',
  channels: 'areaChannels',
  reports: 'areaReports',
  openapi: 'areaOpenapi',
} as const;

const isArea = (tag: string): tag is keyof typeof AREA_TITLES => Object.hasOwn(AREA_TITLES, tag);

export function ApiReference() {
  const t = useT('apiDocs');
  const [document, setDocument] = useState<unknown>(null);
  const [failed, setFailed] = useState(false);
  const origin = useOrigin();

  useEffect(() => {
    const controller = new AbortController();
    fetch(DOCUMENT, { signal: controller.signal, cache: 'no-store' })
      .then((res) =>
        res.ok ? (res.json() as Promise<unknown>) : Promise.reject(new Error(String(res.status))),
      )
      .then(setDocument, () => {
        if (!controller.signal.aborted) setFailed(true);
      });
    return () => controller.abort();
  }, []);

  const operations = operationsOf(document);
  const groups = new Map<string, Operation[]>();
  for (const op of operations) groups.set(op.tag, [...(groups.get(op.tag) ?? []), op]);

  return (
    <div className={styles.page}>
      <p className={styles.intro}>
        {t('intro')}{' '}
        <a className={styles.link} href="/tokens">
          {t('tokensLink')}
        </a>
      </p>
      <pre className={styles.example}>
        <code>{'curl -H "Authorization: Bearer $LIVEFOLIO_TOKEN" ' + `${origin}/api/v1/portfolio`}</code>
      </pre>
      <p className={styles.intro}>
        {t('documentNote')}{' '}
        <a className={styles.link} href={DOCUMENT}>
          {t('documentLink')}
        </a>
      </p>
      <div role="alert">{failed && <p className={styles.error}>{t('failed')}</p>}</div>
      {document === null && !failed && <p className={styles.muted}>{t('loading')}</p>}
      {[...groups].map(([tag, ops]) => (
        <section key={tag} className={styles.group} aria-labelledby={`area-${tag}`}>
          <h2 id={`area-${tag}`} className={styles.groupTitle}>
            {isArea(tag) ? t(AREA_TITLES[tag]) : tag}
          </h2>
          {ops.map((op) => (
            <OperationView key={`${op.method} ${op.path}`} op={op} />
          ))}
        </section>
      ))}
      {document !== null && (
        <section className={styles.group} aria-labelledby="schemas-title">
          <h2 id="schemas-title" className={styles.groupTitle}>
            {t('schemas')}
          </h2>
          {schemasOf(document).map(([name, schema]) => (
            <details key={name} id={`schema-${name}`} className={styles.operation}>
              <summary className={styles.summary}>
                <code className={styles.path}>{name}</code>
              </summary>
              <pre className={styles.schema}>{schemaText(schema)}</pre>
            </details>
          ))}
        </section>
      )}
    </div>
  );
}

// The server renders the page without knowing the address the browser used; the browser fills it in.
const noChange = () => () => {};
const useOrigin = () =>
  useSyncExternalStore(
    noChange,
    () => window.location.origin,
    () => '',
  );
