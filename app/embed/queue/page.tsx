import type { Metadata } from 'next';
import { renderEmbed, type EmbedPageProps } from '../render-embed';

export const metadata: Metadata = { title: 'Embed: queue' };

export default function QueueEmbedPage({ searchParams }: EmbedPageProps) {
  return renderEmbed('queue', searchParams);
}
