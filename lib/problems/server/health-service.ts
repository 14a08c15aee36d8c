import 'server-only';
import type { AccessState } from '@/lib/access/server/access-state';
import type { HealthDto } from '@/lib/api/schemas/health';
import { APP_VERSION } from '@/lib/api/version';
import type { Recording } from '@/lib/history/server/attach-recorder';
import type { K8sConnection } from '@/lib/k8s';
import type { HistoryStore } from '@/lib/store';
import { listProblems } from '../problems';

/** GET /api/v1/health: 200 while the process serves; `ok` false while a part of hapscope needs a user to act. */
export interface HealthParts {
  kubernetes: K8sConnection;
  store: HistoryStore;
  recording: Recording;
  alerts: unknown | null;
  access: Pick<AccessState, 'problems'>;
}

export function getHealth({ kubernetes, store, recording, alerts, access }: HealthParts): HealthDto {
  const problems = listProblems({
    kubernetes: kubernetes.status(),
    history: { file: store.file, failure: recording.failure() },
    alertsOff: alerts === null,
    signIn: [...access.problems.values()],
  });
  return {
    ok: problems.length === 0,
    version: APP_VERSION,
    uptimeSec: Math.floor(process.uptime()),
    problems,
  };
}
