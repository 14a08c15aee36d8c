import type { Metadata } from 'next';
import { renderEmbed } from '@/components/panels/embed/render-embed';
import type { SearchParams } from '@/lib/embeds/server/embed-service';

export const metadata: Metadata = { title: 'Embed: server' };

export default async function ServerEmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return renderEmbed('server', await searchParams);
}
