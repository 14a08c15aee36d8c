import type { Metadata } from 'next';
import { renderEmbed } from '@/components/panels/embed/render-embed';
import type { SearchParams } from '@/lib/embeds/server/embed-service';

export const metadata: Metadata = { title: 'Embed: pool' };

export default async function PoolEmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return renderEmbed('pool', await searchParams);
}
