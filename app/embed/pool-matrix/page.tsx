import type { Metadata } from 'next';
import { renderEmbed } from '@/components/panels/embed/render-embed';
import type { SearchParams } from '@/lib/embeds/server/embed-service';

export const metadata: Metadata = { title: 'Embed: pool-matrix' };

export default async function PoolMatrixEmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return renderEmbed('pool-matrix', await searchParams);
}
