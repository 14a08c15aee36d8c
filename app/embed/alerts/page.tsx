import type { Metadata } from 'next';
import { renderEmbed, type EmbedPageProps } from '../render-embed';

export const metadata: Metadata = { title: 'Embed: alerts' };

export default function AlertsEmbedPage({ searchParams }: EmbedPageProps) {
  return renderEmbed('alerts', searchParams);
}
