import { noTraffic } from './traffic-rates';
import type { Backend } from './types';

/** A backend with no servers and no traffic yet: the start of every Backend the parser or a builder makes. */
export function emptyBackend(instance: string, name: string, status = 'UNKNOWN'): Backend {
  return {
    instance,
    name,
    status,
    activeUp: 0,
    activeTotal: 0,
    backupUp: 0,
    backupTotal: 0,
    servingFromBackup: false,
    noUsableServer: false,
    sessions: { current: 0, max: 0, limit: null, total: 0 },
    sessionRate: { current: 0, max: 0 },
    queue: { current: 0, max: 0 },
    lastChangeSec: null,
    downtimeSec: null,
    lbTotal: 0,
    lastSessionSec: null,
    counters: noTraffic(),
    rates: noTraffic(),
    times: { queueMs: null, connectMs: null, responseMs: null, totalMs: null },
    servers: [],
  };
}
