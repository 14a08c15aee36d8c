import { Suspense } from 'react';
import { OverviewPanel } from '@/components/panels/overview-panel';
import { OverviewSkeleton } from '@/components/panels/overview-skeleton';
import { getRuntime } from '@/lib/server/runtime';

// The thresholds come from the runtime's configuration, which `next build` must not read.
export const dynamic = 'force-dynamic';

/** Suspense: the panel reads its view state from the URL (useSearchParams), which is known only in the browser. */
export default function OverviewPage() {
  const { http5xxPct, responseTimeMs } = getRuntime().config.alerts;
  return (
    <Suspense fallback={<OverviewSkeleton />}>
      <OverviewPanel thresholds={{ http5xxPct, responseTimeMs }} />
    </Suspense>
  );
}
