import type { Metadata } from 'next';
import { renderEmbed } from '@/components/panels/embed/render-embed';
import type { SearchParams } from '@/lib/embeds/server/embed-service';

export const metadata: Metadata = { title: 'Embed: latency' };

export default async function LatencyEmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return renderEmbed('latency', await searchParams);
}
