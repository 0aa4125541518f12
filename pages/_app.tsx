/** The Pages Router's app: only the sign-in page (pages/login.tsx) is here, with the same global styles as app/. */
import type { AppProps } from 'next/app';
import '@/app/globals.css';

export default function LivefolioPage({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
