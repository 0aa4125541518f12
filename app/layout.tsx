import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { THEME_SCRIPT } from '@/client/theme';
import { I18nProvider } from '@/client/i18n/provider';
import { ServiceWorker } from '@/components/service-worker';
import { requestMessages } from './_lib/request-locale';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await requestMessages();
  return { title: t('common', 'product'), description: t('common', 'description') };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f3f5f8' },
    { media: '(prefers-color-scheme: dark)', color: '#0b0e14' },
  ],
  colorScheme: 'dark light',
  width: 'device-width',
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Only this request's language travels with the page: the other catalogs stay on the server.
  const { locale, messages } = await requestMessages();
  return (
    // The head script sets data-theme before React runs: the attribute is expected to differ from the server's.
    <html lang={locale.language} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <I18nProvider locale={locale} messages={messages}>
          {children}
        </I18nProvider>
        <ServiceWorker />
      </body>
    </html>
  );
}
