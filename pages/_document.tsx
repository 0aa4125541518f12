/**
 * The HTML around the Pages Router's pages, as app/layout.tsx writes it for the others: the theme set before the
 * first paint, the app's manifest, icon and theme colours, and `lang` from the page's own `lang` prop.
 */
import { Head, Html, Main, NextScript } from 'next/document';
import type { DocumentProps } from 'next/document';
import { THEME_SCRIPT } from '@/client/theme';

export default function LivefolioDocument({ __NEXT_DATA__ }: DocumentProps) {
  const pageProps: unknown = __NEXT_DATA__.props?.pageProps;
  const lang =
    typeof pageProps === 'object' &&
    pageProps !== null &&
    'lang' in pageProps &&
    typeof pageProps.lang === 'string'
      ? pageProps.lang
      : 'en';
  return (
    <Html lang={lang}>
      <Head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <meta name="theme-color" content="#f3f5f8" media="(prefers-color-scheme: light)" />
        <meta name="theme-color" content="#0b0e14" media="(prefers-color-scheme: dark)" />
        <meta name="color-scheme" content="dark light" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
