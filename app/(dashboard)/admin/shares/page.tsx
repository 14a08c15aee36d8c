import type { Metadata } from 'next';
import { ShareLinksPanel } from '@/components/panels/admin/share-links-panel';
import { getRuntime } from '@/lib/server/runtime';

export const metadata: Metadata = { title: 'Share links · Admin' };

// PUBLIC_EMBEDS is the runtime's configuration, which `next build` must not read.
export const dynamic = 'force-dynamic';

export default function AdminSharesPage() {
  return <ShareLinksPanel publicEmbeds={getRuntime().config.auth.publicEmbeds} />;
}
