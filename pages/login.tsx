/**
 * The sign-in page; the server sends every signed-out page request here, with the page in `next`. A Pages Router
 * page so that it can be served without Next.js's client runtime and React in the browser
 * (`unstable_runtimeJS: false`): a plain form that posts to /login (server/http/login-form.ts), made into the
 * API's sign-in by a small script of its own (client/login/login-form.ts, built by scripts/build-server.mjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GetServerSideProps } from 'next';
import Head from 'next/head';
import { useEffect } from 'react';
import { refusalText } from '@/client/login/login-text';
import type { LoginText } from '@/client/login/login-text';
import { CATALOGS } from '@/lib/i18n/catalogs';
import { chooseLocale, LANGUAGE_COOKIE } from '@/lib/i18n/locales';
import { FormField } from '@/components/auth-card';
import styles from '@/components/auth-card.module.css';

// No framework script in production; development ignores it (Next.js's own development tools run in the page).
export const config = { unstable_runtimeJS: false };

interface LoginPageProps {
  /** The language of `text`, for <html lang> (pages/_document.tsx). */
  lang: string;
  text: LoginText;
  description: string;
  product: string;
  /** Where to go after signing in, as the query gave it (checked again where it is used). */
  next: string;
  /** The refusal of a form sent without the script (the server's redirect says which), worded. */
  refusal: string | null;
  /** The built script's URL; null in development, where Next.js brings the same module instead. */
  script: string | null;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

let builtScript: string | null | undefined;

/** The script's URL from the build's list (scripts/build-server.mjs); read once, as a build changes with a restart. */
function loginScript(): string | null {
  if (process.env.NODE_ENV !== 'production') return null;
  if (builtScript === undefined) {
    try {
      const assets: unknown = JSON.parse(readFileSync(join(process.cwd(), 'dist', 'assets.json'), 'utf8'));
      const url = (assets as Record<string, unknown>)['login-form'];
      builtScript = typeof url === 'string' ? url : null;
    } catch {
      // Without it the form still signs in, by posting.
      builtScript = null;
    }
  }
  return builtScript;
}

export const getServerSideProps: GetServerSideProps<LoginPageProps> = async ({ query, req }) => {
  // The request's language (docs/locales.md, L1–L3): the page and its script show only the texts sent from here.
  const { language } = chooseLocale({
    acceptLanguage: req.headers['accept-language'],
    saved: req.cookies[LANGUAGE_COOKIE],
  });
  const catalog = CATALOGS[language];
  const text = catalog.login;
  return {
    props: {
      lang: language,
      text,
      description: catalog.common.description,
      product: catalog.common.product,
      next: first(query.next) ?? '',
      refusal: refusalText(text, first(query.error) ?? null),
      script: loginScript(),
    },
  };
};

export default function LoginPage({ text, description, product, next, refusal, script }: LoginPageProps) {
  // Only in development, where the page runs with Next.js's runtime and there is no built script.
  useEffect(() => {
    if (!script) void import('@/client/login/login-form');
  }, [script]);

  const alertClass = `${styles.alert} ${styles.error}`;
  return (
    <>
      <Head>
        <title>{text.title}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={description} />
      </Head>
      <main className={styles.page}>
        <section className={styles.card} aria-labelledby="auth-title">
          <p className={styles.brand}>
            {/* The app's own icon, served by this server: a plain img, as the other account pages' card has. */}
            {/* eslint-disable-next-line @next/next/no-img-element -- an SVG, above the fold */}
            <img src="/icon.svg" alt="" width={28} height={28} />
            <span>{product}</span>
          </p>
          <h1 id="auth-title" className={styles.title}>
            {text.heading}
          </h1>
          <p className={styles.intro}>{text.intro}</p>
          {/* The script reads its texts here (data-text), so the page alone decides their language. */}
          <form
            id="login-form"
            className={styles.form}
            method="post"
            action="/login"
            data-text={JSON.stringify(text)}
          >
            {next && <input type="hidden" name="next" value={next} />}
            {/* The account pages' labelled field, rendered here on the server only. */}
            <FormField
              label={text.username}
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              maxLength={200}
              autoFocus
            />
            <FormField
              label={text.password}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              maxLength={1000}
            />
            {/* Always in the page, even empty, so that a message put into it is announced. */}
            <div role="alert" aria-atomic="true" className={styles.region} data-message-class={alertClass}>
              {refusal && <p className={alertClass}>{refusal}</p>}
            </div>
            <button type="submit" className={styles.submit}>
              {text.submit}
            </button>
          </form>
        </section>
      </main>
      {script && <script src={script} defer />}
    </>
  );
}
