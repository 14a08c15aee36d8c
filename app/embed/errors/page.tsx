import type { Metadata } from 'next';
import { renderEmbed, type EmbedPageProps } from '../render-embed';

export const metadata: Metadata = { title: 'Embed: errors' };

export default function ErrorsEmbedPage({ searchParams }: EmbedPageProps) {
  return renderEmbed('errors', searchParams);
}
