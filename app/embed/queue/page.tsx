import type { Metadata } from 'next';
import { renderEmbed } from '@/components/panels/embed/render-embed';
import type { SearchParams } from '@/lib/embeds/server/embed-service';

export const metadata: Metadata = { title: 'Embed: queue' };

export default async function QueueEmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return renderEmbed('queue', await searchParams);
}
