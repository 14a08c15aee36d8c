import type { Metadata } from 'next';
import { renderEmbed, type EmbedPageProps } from '../render-embed';

export const metadata: Metadata = { title: 'Embed: pool-matrix' };

export default function PoolMatrixEmbedPage({ searchParams }: EmbedPageProps) {
  return renderEmbed('pool-matrix', searchParams);
}
