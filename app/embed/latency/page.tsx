import type { Metadata } from 'next';
import { renderEmbed, type EmbedPageProps } from '../render-embed';

export const metadata: Metadata = { title: 'Embed: latency' };

export default function LatencyEmbedPage({ searchParams }: EmbedPageProps) {
  return renderEmbed('latency', searchParams);
}
