import type { Metadata } from 'next';
import { renderEmbed } from '@/components/panels/embed/render-embed';
import type { SearchParams } from '@/lib/embed/resolve-embed';

export const metadata: Metadata = { title: 'Embed: pool' };

export default async function PoolEmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return renderEmbed('pool', await searchParams);
}
