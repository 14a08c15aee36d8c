import type { Metadata } from 'next';
import { renderEmbed, type EmbedPageProps } from '../render-embed';

export const metadata: Metadata = { title: 'Embed: backend' };

export default function BackendEmbedPage({ searchParams }: EmbedPageProps) {
  return renderEmbed('backend', searchParams);
}
