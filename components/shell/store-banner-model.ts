import type { HealthDto } from '@/lib/api/schemas/health';
import { isStoreProblem, STORE_PROBLEM_PREFIX } from '@/lib/problems/store-problems';

/** The banner's lines: each history store problem of health, after its "History store " (set in bold). */
export function storeBannerLines(health: Pick<HealthDto, 'problems'> | null): string[] {
  return (health?.problems ?? [])
    .filter(isStoreProblem)
    .map((problem) => problem.slice(STORE_PROBLEM_PREFIX.length));
}
