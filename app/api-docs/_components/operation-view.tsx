'use client';
/** One operation: its method and path, and on opening what it takes, what it answers and how it can fail. */
import { useT } from '@/client/i18n/provider';
import type { Operation } from './openapi-shape';
import { schemaText } from './schema-text';
import styles from './api-docs.module.css';

export function OperationView({ op }: { op: Operation }) {
  const t = useT('apiDocs');
  const success = op.answers.filter((a) => a.status.startsWith('2'));
  const errors = op.answers.filter((a) => !a.status.startsWith('2'));
  return (
    <details className={styles.operation}>
      <summary className={styles.summary}>
        <span className={`${styles.method} ${styles[op.method.toLowerCase()] ?? ''}`}>{op.method}</span>
        <code className={styles.path}>{op.path}</code>
        <span className={styles.summaryText}>{op.summary}</span>
      </summary>
      <div className={styles.body}>
        <p className={styles.muted}>{op.description}</p>
        {op.parameters.length > 0 && (
          <>
            <h3 className={styles.heading}>{t('parameters')}</h3>
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('where')}</th>
                    <th scope="col">{t('type')}</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}:${p.name}`}>
                      <td>
                        <code>{p.required ? p.name : `${p.name}?`}</code>
                      </td>
                      <td>{p.in}</td>
                      <td>
                        <code>{schemaText(p.schema)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {op.body && (
          <>
            <h3 className={styles.heading}>{op.body.csv ? t('bodyCsv') : t('body')}</h3>
            {!op.body.csv && <pre className={styles.schema}>{schemaText(op.body.schema)}</pre>}
          </>
        )}
        {success.map((answer) => (
          <div key={answer.status}>
            <h3 className={styles.heading}>
              {t(answer.csv ? 'answerCsv' : 'answer', { status: answer.status })}
            </h3>
            {!answer.csv && <pre className={styles.schema}>{schemaText(answer.schema)}</pre>}
          </div>
        ))}
        {errors.length > 0 && (
          <>
            <h3 className={styles.heading}>{t('errors')}</h3>
            <ul className={styles.errors}>
              {errors.map((answer) => (
                <li key={answer.status}>
                  <code>{answer.status}</code> {answer.description}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </details>
  );
}
