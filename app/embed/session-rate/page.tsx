import type { Metadata } from 'next';
import { renderEmbed, type EmbedPageProps } from '../render-embed';

export const metadata: Metadata = { title: 'Embed: session-rate' };

export default function SessionRateEmbedPage({ searchParams }: EmbedPageProps) {
  return renderEmbed('session-rate', searchParams);
}
