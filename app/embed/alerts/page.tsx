import type { Metadata } from 'next';
import { renderEmbed } from '@/components/panels/embed/render-embed';
import type { SearchParams } from '@/lib/embeds/server/embed-service';

export const metadata: Metadata = { title: 'Embed: alerts' };

export default async function AlertsEmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return renderEmbed('alerts', await searchParams);
}
