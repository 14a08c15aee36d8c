import type { Metadata } from 'next';
import { Suspense } from 'react';
import { BackendHistoryPanel } from '@/components/panels/history/backend-history-panel';

interface Params {
  instance: string;
  backend: string;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { instance, backend } = await params;
  return { title: `${decodeURIComponent(backend)} on ${decodeURIComponent(instance)}` };
}

/** Suspense: the panel reads range and server from the URL (useSearchParams), known only in the browser. */
export default async function BackendPage({ params }: { params: Promise<Params> }) {
  const { instance, backend } = await params;
  return (
    <Suspense>
      <BackendHistoryPanel instance={decodeURIComponent(instance)} backend={decodeURIComponent(backend)} />
    </Suspense>
  );
}
