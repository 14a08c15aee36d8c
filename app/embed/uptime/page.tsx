import type { Metadata } from 'next';
import { renderEmbed } from '@/components/panels/embed/render-embed';
import type { SearchParams } from '@/lib/embeds/server/embed-service';

export const metadata: Metadata = { title: 'Embed: uptime' };

export default async function UptimeEmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return renderEmbed('uptime', await searchParams);
}
