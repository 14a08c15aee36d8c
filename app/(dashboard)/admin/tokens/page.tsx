import type { Metadata } from 'next';
import { ApiTokensPanel } from '@/components/panels/admin/api-tokens-panel';
import { getRuntime } from '@/lib/server/runtime';

export const metadata: Metadata = { title: 'API tokens · Admin' };

// PUBLIC_URL is the runtime's configuration, which `next build` must not read.
export const dynamic = 'force-dynamic';

export default function AdminTokensPage() {
  return <ApiTokensPanel publicOrigin={getRuntime().config.publicOrigin} />;
}
