/** Builders for unit tests of the table helpers: a healthy server or backend, overridden where a test cares. */
import type { Backend, Server } from '@/lib/health/types';

export function makeServer(overrides: Partial<Server> = {}): Server {
  return {
    name: 'srv1',
    address: '10.0.0.1:80',
    status: 'UP',
    transition: null,
    statusText: 'UP',
    backup: false,
    weight: 1,
    check: {
      status: 'L7OK',
      inProgress: false,
      code: 200,
      durationMs: 3,
      description: 'Layer7 check passed',
      lastCheck: 'OK',
      rise: 2,
      fall: 3,
      health: 4,
    },
    lastChangeSec: 100,
    downtimeSec: 0,
    checkFailures: 0,
    checkDowns: 0,
    queue: { current: 0, max: 0 },
    sessions: { current: 0, max: 0, limit: null, total: 0 },
    sessionRate: { current: 0, max: 0 },
    node: null,
    pool: null,
    ...overrides,
  };
}

export function makeBackend(overrides: Partial<Backend> = {}): Backend {
  const servers = overrides.servers ?? [makeServer()];
  return {
    instance: 'lb1',
    name: 'be_app',
    status: 'UP',
    activeUp: servers.filter((s) => !s.backup && s.status === 'UP').length,
    activeTotal: servers.filter((s) => !s.backup).length,
    backupUp: servers.filter((s) => s.backup && s.status === 'UP').length,
    backupTotal: servers.filter((s) => s.backup).length,
    servingFromBackup: false,
    noUsableServer: false,
    sessions: { current: 0, max: 0, limit: null },
    sessionRate: { current: 0, max: 0 },
    queue: { current: 0, max: 0 },
    ...overrides,
    servers,
  };
}
