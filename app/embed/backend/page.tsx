import type { Metadata } from 'next';
import { renderEmbed } from '@/components/panels/embed/render-embed';
import type { SearchParams } from '@/lib/embeds/server/embed-service';

export const metadata: Metadata = { title: 'Embed: backend' };

export default async function BackendEmbedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return renderEmbed('backend', await searchParams);
}
