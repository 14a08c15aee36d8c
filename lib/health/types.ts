/** The health model: what hapscope knows about HAProxy servers, independent of where it came from. */

export const SERVER_STATUSES = ['UP', 'DOWN', 'NOLB', 'DRAIN', 'MAINT', 'NOCHECK'] as const;
export type ServerStatus = (typeof SERVER_STATUSES)[number];

/** `UP x/y` is UP but failing (going-down); `DOWN x/y` is DOWN but passing (going-up). */
export type Transition = 'going-down' | 'going-up' | null;

export interface CheckResult {
  /** L7OK, L7STS, L4CON …, without HAProxy's leading "* " (see inProgress). */
  status: string | null;
  inProgress: boolean;
  code: number | null;
  durationMs: number | null;
  /** check_desc, e.g. "Layer7 wrong status". */
  description: string | null;
  /** last_chk, e.g. the HTTP reason phrase "Service Unavailable". */
  lastCheck: string | null;
  rise: number | null;
  fall: number | null;
  health: number | null;
}

export interface Server {
  name: string;
  address: string | null;
  status: ServerStatus;
  transition: Transition;
  /** HAProxy's own status text, verbatim. */
  statusText: string;
  backup: boolean;
  weight: number;
  check: CheckResult;
  lastChangeSec: number | null;
  downtimeSec: number | null;
  checkFailures: number;
  checkDowns: number;
  queue: { current: number; max: number };
  sessions: { current: number; max: number; limit: number | null; total: number };
  sessionRate: { current: number; max: number };
  node: string | null;
  pool: string | null;
}

export interface Backend {
  instance: string;
  name: string;
  /** HAProxy's backend status text (UP / DOWN / …raw…). */
  status: string;
  activeUp: number;
  activeTotal: number;
  backupUp: number;
  backupTotal: number;
  /** No active server is usable but a backup is: traffic goes to backups. */
  servingFromBackup: boolean;
  /** No server at all (active or backup) is usable. */
  noUsableServer: boolean;
  sessions: { current: number; max: number; limit: number | null };
  sessionRate: { current: number; max: number };
  queue: { current: number; max: number };
  servers: Server[];
}

/** Process facts from `show info` or the stats page. */
export interface HaproxyProcessInfo {
  version: string | null;
  pid: number | null;
  uptimeSec: number | null;
  nodeName: string | null;
}
