import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { EMBED_INIT_SCRIPT } from '@/components/panels/embed/embed-theme';

export const metadata: Metadata = { robots: { index: false, follow: false } };

// Every embed reads its query and the live runtime: never prerendered at build time.
export const dynamic = 'force-dynamic';

/** Bare layout for /embed/*: no navigation, theme and background from the query (see embed-theme.ts). */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <script dangerouslySetInnerHTML={{ __html: EMBED_INIT_SCRIPT }} />
      {children}
    </>
  );
}
