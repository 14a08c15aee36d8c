import type { Metadata } from 'next';
import { Suspense } from 'react';
import { UptimePanel } from '@/components/panels/history/uptime-panel';

export const metadata: Metadata = { title: 'Uptime' };

/** Suspense: the panel reads its range from the URL (useSearchParams), known only in the browser. */
export default function UptimePage() {
  return (
    <Suspense>
      <UptimePanel />
    </Suspense>
  );
}
