import type { Metadata } from 'next';
import { renderEmbed, type EmbedPageProps } from '../render-embed';

export const metadata: Metadata = { title: 'Embed: server' };

export default function ServerEmbedPage({ searchParams }: EmbedPageProps) {
  return renderEmbed('server', searchParams);
}
