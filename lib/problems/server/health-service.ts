import 'server-only';
import type { HealthDto } from '@/lib/api/schemas/health';
import { APP_VERSION } from '@/lib/api/version';
import { getRuntime } from '@/lib/server/runtime';
import { listProblems } from '../problems';

/** GET /api/v1/health: 200 while the process serves; `ok` false while a part of hapscope needs a user to act. */
export function getHealth(): HealthDto {
  const { kubernetes, store, recording, alerts } = getRuntime();
  const problems = listProblems({
    kubernetes: kubernetes.status(),
    history: { file: store.file, failure: recording.failure() },
    alertsOff: alerts === null,
  });
  return {
    ok: problems.length === 0,
    version: APP_VERSION,
    uptimeSec: Math.floor(process.uptime()),
    problems,
  };
}
