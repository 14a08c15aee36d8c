/** The check cell: "L7STS 503" in the cell, the whole story ("… — Layer7 wrong status / Service Unavailable") in a tooltip. */
import type { CheckResult } from '@/lib/health/types';

export interface CheckView {
  text: string;
  tooltip: string;
  failing: boolean;
}

const PASSING = new Set(['L4OK', 'L6OK', 'L7OK', 'L7OKC', 'PROCOK']);
/** Nothing learned yet: neither passing nor failing. */
const NEUTRAL = new Set(['INI', 'UNK']);

export function checkView(check: CheckResult): CheckView {
  if (!check.status) return { text: '–', tooltip: 'No health check', failing: false };
  const text = [check.status, check.code].filter((part) => part !== null && part !== '').join(' ');
  const details = [check.description, check.lastCheck].filter(
    (part, i, all): part is string => !!part && all.indexOf(part) === i,
  );
  const progress = check.inProgress ? ' (check in progress)' : '';
  const health =
    check.health !== null && check.rise !== null && check.fall !== null
      ? ` · health ${check.health} (rise ${check.rise}, fall ${check.fall})`
      : '';
  return {
    text,
    tooltip: `${text}${details.length ? ` — ${details.join(' / ')}` : ''}${progress}${health}`,
    failing: !PASSING.has(check.status) && !NEUTRAL.has(check.status),
  };
}
