import type { Metadata } from 'next';
import { renderEmbed, type EmbedPageProps } from '../render-embed';

export const metadata: Metadata = { title: 'Embed: uptime' };

export default function UptimeEmbedPage({ searchParams }: EmbedPageProps) {
  return renderEmbed('uptime', searchParams);
}
