import type { Metadata } from 'next';
import { renderEmbed } from '@/components/panels/embed/render-embed';
import type { SearchParams } from '@/lib/embed/resolve-embed';

export const metadata: Metadata = { title: 'Embed: queue' };

export default async function QueueEmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return renderEmbed('queue', await searchParams);
}
