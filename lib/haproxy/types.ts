/**
 * One row of HAProxy's stats CSV, reduced to the columns hapscope reads, all as HAProxy's raw text
 * ("" when the column is absent in this HAProxy version or empty in the row).
 */
export const STAT_COLUMNS = [
  'pxname',
  'svname',
  'qcur',
  'qmax',
  'scur',
  'smax',
  'slim',
  'stot',
  'status',
  'weight',
  'act',
  'bck',
  'chkfail',
  'chkdown',
  'lastchg',
  'downtime',
  'qlimit',
  'pid',
  'iid',
  'sid',
  'type',
  'rate',
  'rate_max',
  'check_status',
  'check_code',
  'check_duration',
  'check_desc',
  'last_chk',
  'check_rise',
  'check_fall',
  'check_health',
  'addr',
  'agent_status',
  'lastsess',
  'qtime',
  'ctime',
  'rtime',
  'ttime',
  'hrsp_5xx',
  'eresp',
  'econ',
  'bin',
  'bout',
  'mode',
  'lbtot',
  'throttle',
  'rate_lim',
  'req_rate',
  'req_rate_max',
  'req_tot',
  'dcon',
  'dses',
  'dreq',
  'dresp',
  'ereq',
  'wretr',
  'wredis',
  'cli_abrt',
  'srv_abrt',
  'hrsp_1xx',
  'hrsp_2xx',
  'hrsp_3xx',
  'hrsp_4xx',
  'hrsp_other',
] as const;

export type StatColumn = (typeof STAT_COLUMNS)[number];
export type HaproxyStatRow = Record<StatColumn, string>;

/** HAProxy's `type` column. */
export const STAT_TYPE = { frontend: '0', backend: '1', server: '2', listener: '3' } as const;

/** Why a stats payload could not be used: the message is shown to operators as is. */
export class StatsParseError extends Error {
  constructor(
    readonly kind: 'not-csv' | 'truncated' | 'garbled',
    message: string,
  ) {
    super(message);
    this.name = 'StatsParseError';
  }
}
