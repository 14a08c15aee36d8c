import type { Metadata } from 'next';
import { renderEmbed, type EmbedPageProps } from '../render-embed';

export const metadata: Metadata = { title: 'Embed: response-time' };

export default function ResponseTimeEmbedPage({ searchParams }: EmbedPageProps) {
  return renderEmbed('response-time', searchParams);
}
