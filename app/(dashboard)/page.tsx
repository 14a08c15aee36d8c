import { Suspense } from 'react';
import { OverviewPanel } from '@/components/panels/overview-panel';
import { OverviewSkeleton } from '@/components/panels/overview-skeleton';

/** Suspense: the panel reads its view state from the URL (useSearchParams), which is known only in the browser. */
export default function OverviewPage() {
  return (
    <Suspense fallback={<OverviewSkeleton />}>
      <OverviewPanel />
    </Suspense>
  );
}
