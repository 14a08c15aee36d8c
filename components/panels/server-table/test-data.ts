/** Builders for unit tests of the table helpers: a healthy server or backend, overridden where a test cares. */
import { emptyBackend } from '@/lib/health/empty-backend';
import { syntheticServer } from '@/lib/health/synthetic-server';
import type { Backend, Server } from '@/lib/health/types';
import { DEFAULT_THRESHOLDS } from './abnormal';
import type { ColumnContext } from './column-readings';

/** The alert rules' default thresholds (5 %, 1000 ms) and no uptime history yet. */
export const CTX: ColumnContext = { thresholds: DEFAULT_THRESHOLDS, uptimeOf: () => undefined };

export function makeServer(overrides: Partial<Server> = {}): Server {
  const healthy = syntheticServer('srv1');
  return syntheticServer('srv1', {
    address: '10.0.0.1:80',
    lastChangeSec: 100,
    check: { ...healthy.check, durationMs: 3 },
    ...overrides,
  });
}

export function makeBackend(overrides: Partial<Backend> = {}): Backend {
  const servers = overrides.servers ?? [makeServer()];
  return {
    ...emptyBackend('lb1', 'be_app', 'UP'),
    activeUp: servers.filter((s) => !s.backup && s.status === 'UP').length,
    activeTotal: servers.filter((s) => !s.backup).length,
    backupUp: servers.filter((s) => s.backup && s.status === 'UP').length,
    backupTotal: servers.filter((s) => s.backup).length,
    servingFromBackup: false,
    noUsableServer: false,
    ...overrides,
    servers,
  };
}
