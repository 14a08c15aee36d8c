/**
 * The rule over two views of the same servers (an active/standby pair of HAProxy processes): where one load
 * balancer's checks reach a server and another's do not, for longer than a grace, that is an `lb-disagree` alert
 * naming both views. Pure; the views are the counted sources that answered (lib/health/view-agreement.ts).
 */
import type { Backend } from '@/lib/health/types';
import { checkVerdict, compareViews, viewsText, type ServerView } from '@/lib/health/view-agreement';
import { alertTarget, type AlertCondition } from './types';

export interface ViewRuleSettings {
  /** How long two load balancers must disagree about a server before it fires (their checks are not in step). */
  lbDisagreeGraceMs: number;
}

/** The views among `backends`: one per source that answered its last poll. */
export function viewsOf(
  sources: readonly { name: string; ok: boolean }[],
  backends: readonly Backend[],
): ServerView[] {
  return sources
    .filter((source) => source.ok)
    .map((source) => ({
      instance: source.name,
      backends: backends.filter((backend) => backend.instance === source.name),
    }))
    .filter((view) => view.backends.length > 0);
}

export function lbDisagreeConditions(
  views: readonly ServerView[],
  settings: ViewRuleSettings,
): AlertCondition[] {
  return compareViews(views)
    .filter((entry) => !entry.agree)
    .map((entry) => {
      const blind = entry.views.find((v) => checkVerdict(v.status) === 'cannot-reach');
      const pool = entry.views.find((v) => v.pool !== null)?.pool ?? null;
      return {
        id: `lb-disagree:${entry.backend}/${entry.server}`,
        kind: 'lb-disagree',
        severity: 'warning',
        // The link leads to the backend as seen by a load balancer that cannot reach the server.
        target: alertTarget({
          instance: blind?.instance ?? null,
          backend: entry.backend,
          server: entry.server,
          pool,
        }),
        summary: `load balancers disagree about ${entry.backend}/${entry.server}${pool ? ` in ${pool}` : ''}: ${viewsText(entry.views)}`,
        graceMs: settings.lbDisagreeGraceMs,
        groupId: null,
      } satisfies AlertCondition;
    });
}
