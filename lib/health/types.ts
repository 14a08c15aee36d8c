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
  /** qlimit: the server's queue limit (maxqueue); null when unlimited. */
  queue: { current: number; max: number; limit: number | null };
  sessions: { current: number; max: number; limit: number | null; total: number };
  sessionRate: { current: number; max: number };
  /** lbtot: how many times the load-balancing algorithm picked this server. */
  lbTotal: number;
  /** lastsess: seconds since this server was last given a session; null when it never was. */
  lastSessionSec: number | null;
  /** throttle: the slowstart throttle in percent while a server comes back; null when not throttled. */
  throttlePct: number | null;
  counters: TrafficCounters;
  rates: TrafficRates;
  times: ProxyTimes;
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
  sessions: { current: number; max: number; limit: number | null; total: number };
  sessionRate: { current: number; max: number };
  queue: { current: number; max: number };
  /** lastchg: seconds since the backend's own status last changed; null when HAProxy does not say. */
  lastChangeSec: number | null;
  /** downtime: seconds the backend has had no usable server since HAProxy started; null when not reported. */
  downtimeSec: number | null;
  lbTotal: number;
  lastSessionSec: number | null;
  counters: TrafficCounters;
  rates: TrafficRates;
  times: ProxyTimes;
  servers: Server[];
}

/** A frontend (HAProxy `type` 0): where clients connect. */
export interface Frontend {
  instance: string;
  name: string;
  /** HAProxy's text: OPEN, STOP or FULL. */
  status: string;
  /** http, tcp …; null on HAProxy older than 1.7. */
  mode: string | null;
  sessions: { current: number; max: number; limit: number | null; total: number };
  /** rate_lim: the frontend's `rate-limit sessions`; null when unlimited. */
  sessionRate: { current: number; max: number; limit: number | null };
  /** req_rate / req_rate_max: HTTP requests per second (HAProxy's own measure); null in tcp mode. */
  requestRate: { current: number | null; max: number | null };
  counters: TrafficCounters;
  rates: TrafficRates;
  /** Its listeners (HAProxy `type` 3), present only with `option socket-stats`. */
  listeners: Listener[];
}

/** One bind line of a frontend, reported with `option socket-stats`. */
export interface Listener {
  name: string;
  /** OPEN, FULL, STOP … verbatim. */
  status: string;
  /** addr (HAProxy 1.7+), e.g. "127.0.0.1:80". */
  address: string | null;
  sessions: { current: number; max: number; limit: number | null; total: number };
  counters: TrafficCounters;
  rates: TrafficRates;
}

/** Process facts from `show info` or the stats page. */
export interface HaproxyProcessInfo {
  version: string | null;
  pid: number | null;
  uptimeSec: number | null;
  nodeName: string | null;
}

/**
 * HAProxy's cumulative traffic counters of one frontend, listener, backend or server, each named after what it
 * counts. CSV column in brackets; null where HAProxy leaves the field empty for this kind of proxy or mode (no
 * HTTP counters in tcp mode; request errors and denied connections only on frontends and listeners).
 */
export const TRAFFIC_COUNTERS = [
  'requests', // req_tot
  'bytesIn', // bin
  'bytesOut', // bout
  'deniedConnections', // dcon
  'deniedSessions', // dses
  'deniedRequests', // dreq
  'deniedResponses', // dresp
  'requestErrors', // ereq
  'connectionErrors', // econ
  'responseErrors', // eresp
  'retries', // wretr
  'redispatches', // wredis
  'clientAborts', // cli_abrt
  'serverAborts', // srv_abrt
  'http1xx', // hrsp_1xx
  'http2xx', // hrsp_2xx
  'http3xx', // hrsp_3xx
  'http4xx', // hrsp_4xx
  'http5xx', // hrsp_5xx
  'httpOther', // hrsp_other
] as const;
export type TrafficCounter = (typeof TRAFFIC_COUNTERS)[number];
export type TrafficCounters = Record<TrafficCounter, number | null>;
/**
 * Per second, from the difference between this poll's counters and the previous poll's, over the time between
 * them. null on the first poll of a proxy and where the counter is null. A counter lower than before was reset
 * (a reload, `clear counters`): the rate is then its new value over the interval, never negative.
 */
export type TrafficRates = Record<TrafficCounter, number | null>;

/** qtime, ctime, rtime, ttime: averages over the last 1024 requests, in ms; null where not reported. */
export interface ProxyTimes {
  queueMs: number | null;
  connectMs: number | null;
  responseMs: number | null;
  totalMs: number | null;
}
