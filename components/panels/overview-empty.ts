/** Which empty state the overview's table shows when it has no rows. Pure. */
import type { OverviewSummary } from './summary/summary';

export type OverviewEmpty = 'no-problems' | 'no-match' | 'no-data' | 'no-backends';

/** A filter that hides everything says so (and offers to clear it); otherwise the sources are at fault. */
export function overviewEmpty(
  search: string,
  problemsOnly: boolean,
  summary: Pick<OverviewSummary, 'sources' | 'sourcesFailing'>,
): OverviewEmpty {
  const term = search.trim();
  if (term !== '' || problemsOnly) return problemsOnly && !term ? 'no-problems' : 'no-match';
  return summary.sourcesFailing === summary.sources ? 'no-data' : 'no-backends';
}
