import type { Metadata } from 'next';
import { renderEmbed, type EmbedPageProps } from '../render-embed';

export const metadata: Metadata = { title: 'Embed: pool' };

export default function PoolEmbedPage({ searchParams }: EmbedPageProps) {
  return renderEmbed('pool', searchParams);
}
