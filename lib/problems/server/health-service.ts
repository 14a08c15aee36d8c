import 'server-only';
import type { AccessState } from '@/lib/access/server/access-state';
import type { AlertEngine } from '@/lib/alerts/server/alert-engine';
import type { HealthDto } from '@/lib/api/schemas/health';
import { APP_VERSION } from '@/lib/api/version';
import type { Recording } from '@/lib/history/server/attach-recorder';
import type { K8sConnection } from '@/lib/k8s';
import type { Store } from '@/lib/store';
import { listProblems } from '../problems';
import type { StoreFacts } from '../store-problems';

/** GET /api/v1/health: 200 while the process serves; `ok` false while a part of hapscope needs a user to act. */
export interface HealthParts {
  kubernetes: Pick<K8sConnection, 'status'>;
  store: Pick<Store, 'file' | 'faults'>;
  recording: Recording;
  alerts: Pick<AlertEngine, 'unsavedChanges' | 'off'> | null;
  access: Pick<AccessState, 'problems'>;
  leadership: { status(): { role: 'leader' | 'follower' }; problem(): string | null };
}

export function getHealth(parts: HealthParts): HealthDto {
  const { alerts, access, leadership } = parts;
  const kubernetes = parts.kubernetes.status();
  const problems = listProblems({
    kubernetes,
    store: storeFacts(parts),
    alertsOff: alerts === null || alerts.off,
    signIn: [...access.problems.values()],
    replicas: leadership.problem(),
  });
  return {
    ok: problems.length === 0,
    version: APP_VERSION,
    uptimeSec: Math.floor(process.uptime()),
    role: leadership.status().role,
    problems,
    kubernetes,
  };
}

function storeFacts({ store, recording, alerts }: HealthParts): StoreFacts {
  return {
    file: store.file,
    fault: store.faults.status().fault,
    backlog: recording.backlog(),
    unsavedAlertChanges: alerts?.unsavedChanges ?? 0,
    movedAside: store.faults.movedAsideFiles(),
  };
}
