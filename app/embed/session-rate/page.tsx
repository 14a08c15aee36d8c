import type { Metadata } from 'next';
import { renderEmbed } from '@/components/panels/embed/render-embed';
import type { SearchParams } from '@/lib/embeds/server/embed-service';

export const metadata: Metadata = { title: 'Embed: session-rate' };

export default async function SessionRateEmbedPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  return renderEmbed('session-rate', await searchParams);
}
