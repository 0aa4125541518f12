import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  title: 'Livefolio',
  description: 'Live crypto prices and portfolio, self-hosted.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body
        style={{ background: '#0b0e14', color: '#e6e6e6', fontFamily: 'system-ui, sans-serif', margin: 0 }}
      >
        {children}
      </body>
    </html>
  );
}
