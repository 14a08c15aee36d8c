/*
 * Synthetic `/stats;csv` output shaped like Debian's HAProxy 2.6.12 (128 columns): frontends with a listener,
 * backends of servers in a mix of states, BACKEND rows. The header and the three row templates are real lines
 * captured from that HAProxy (shared/fixtures/haproxy-csv/haproxy-2.6.12-*.csv), embedded so the benchmark
 * runs without the shared folder; the generator only rewrites the per-row fields by name.
 */

export const DEBIAN_2_6_12_HEADER =
  '# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,' +
  'act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,' +
  'rate_max,check_status,check_code,check_duration,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,' +
  'hanafail,req_rate,req_rate_max,req_tot,cli_abrt,srv_abrt,comp_in,comp_out,comp_byp,comp_rsp,lastsess,' +
  'last_chk,last_agt,qtime,ctime,rtime,ttime,agent_status,agent_code,agent_duration,check_desc,agent_desc,' +
  'check_rise,check_fall,check_health,agent_rise,agent_fall,agent_health,addr,cookie,mode,algo,conn_rate,' +
  'conn_rate_max,conn_tot,intercepted,dcon,dses,wrew,connect,reuse,cache_lookups,cache_hits,srv_icur,src_ilim,' +
  'qtime_max,ctime_max,rtime_max,ttime_max,eint,idle_conn_cur,safe_conn_cur,used_conn_cur,need_conn_est,' +
  'uweight,agg_server_status,agg_server_check_status,agg_check_status,-,ssl_sess,ssl_reused_sess,' +
  'ssl_failed_handshake,h2_headers_rcvd,h2_data_rcvd,h2_settings_rcvd,h2_rst_stream_rcvd,h2_goaway_rcvd,' +
  'h2_detected_conn_protocol_errors,h2_detected_strm_protocol_errors,h2_rst_stream_resp,h2_goaway_resp,' +
  'h2_open_connections,h2_backend_open_streams,h2_total_connections,h2_backend_total_streams,' +
  'h1_open_connections,h1_open_streams,h1_total_connections,h1_total_streams,h1_bytes_in,h1_bytes_out,' +
  'h1_spliced_bytes_in,h1_spliced_bytes_out,';

const TEMPLATES = {
  frontend:
    'fe_main,FRONTEND,,,0,2,256,26,2139,5050,0,0,0,,,,,OPEN,,,,,,,,,1,2,0,,,,0,0,0,26,,,,0,25,0,1,0,0,,0,' +
    '26,26,,,0,0,0,0,,,,,,,,,,,,,,,,,,,,,http,,0,26,26,0,0,0,0,,,0,0,,,,,,,0,,,,,,,,,-,0,0,0,0,0,0,0,0,0,' +
    '0,0,0,0,0,0,0,0,0,26,26,2061,5800,0,0,',
  listener:
    'fe_main,main-listener,,,0,2,0,26,2139,5050,0,0,0,,,,,OPEN,,,,,,,,,1,2,1,,,,3,,,,,,,,,,,,,,,,,,,,,,,,' +
    ',,,,,,,,,,,,,,,,,127.0.0.1:18080,,http,,,,,,0,0,0,,,,,,,,,,,0,,,,,,,,,-,0,0,0,,,,,,,,,,,,,,,,,,,,,,',
  server:
    'be_app,up1,0,0,0,1,,13,1073,2684,,0,,0,0,0,0,UP,1,1,0,1,1,21,2,,1,3,1,,13,,2,0,,13,L7OK,200,0,0,12,0' +
    ',1,0,0,,,,13,0,0,,,,,18,,,0,0,0,0,,,,Layer7 check passed,,2,3,4,,,,127.0.0.1:18081,,http,,,,,,,,0,13' +
    ',0,,,0,,0,0,0,0,0,0,0,0,1,1,,,,-,0,0,0,,,,,,,,,,,,,,,,,,,,,,',
  backend:
    'be_app,BACKEND,0,0,0,1,26,26,2139,5050,0,0,,0,0,0,0,UP,2,2,1,,0,24,0,,1,3,0,,26,,1,0,,26,,,,0,25,0,1' +
    ',0,0,,,,26,0,0,0,0,0,0,18,,,0,0,0,0,,,,,,,,,,,,,,http,roundrobin,,,,,,,0,26,0,0,0,,,0,0,0,0,0,,,,,2,' +
    '0,0,0,-,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,122,122,18439,3339,0,0,',
};

const COLUMN_INDEX = new Map(
  DEBIAN_2_6_12_HEADER.slice(2)
    .split(',')
    .map((name, i) => [name, i] as const)
    .reverse(), // so the first occurrence of a name wins
);

/** A server state as HAProxy shows it, with the check columns that go with it. */
interface ServerState {
  status: string;
  check_status: string;
  check_code: string;
  check_desc: string;
  last_chk: string;
  check_health: string;
}

const CHECK_PASSED = {
  check_status: 'L7OK',
  check_code: '200',
  check_desc: 'Layer7 check passed',
  last_chk: '',
};
const REFUSED = {
  check_status: 'L4CON',
  check_code: '',
  check_desc: 'Layer4 connection problem',
  last_chk: 'Connection refused',
};
const WRONG_STATUS = {
  check_status: 'L7STS',
  check_code: '503',
  check_desc: 'Layer7 wrong status',
  last_chk: 'Service Unavailable',
};
const NO_CHECK = { check_status: '', check_code: '', check_desc: '', last_chk: '', check_health: '' };

/** [weight, state]: most servers UP, the rest spread over every other state hapscope shows. */
const STATES: [number, ServerState][] = [
  [70, { status: 'UP', ...CHECK_PASSED, check_health: '4' }],
  [5, { status: 'UP 1/3', ...WRONG_STATUS, check_health: '3' }],
  [6, { status: 'DOWN', ...REFUSED, check_health: '0' }],
  [3, { status: 'DOWN 1/2', ...CHECK_PASSED, check_health: '1' }],
  [4, { status: 'MAINT', ...NO_CHECK }],
  [4, { status: 'DRAIN', ...CHECK_PASSED, check_health: '4' }],
  [6, { status: 'no check', ...NO_CHECK }],
  // A reason phrase (last_chk) and a check text holding commas and quotes: the parser's quoted path.
  [1, { status: 'DOWN', ...WRONG_STATUS, last_chk: 'Busy, "retry later"', check_health: '0' }],
  [1, { status: 'UP 2/3', ...WRONG_STATUS, check_desc: 'Layer7 wrong status, "x"', check_health: '3' }],
];
const TOTAL_WEIGHT = STATES.reduce((sum, [weight]) => sum + weight, 0);

export interface GenerateOptions {
  backends: number;
  serversPerBackend: number;
  seed: number;
  /** One frontend (with its listener) per this many backends; default 25. */
  backendsPerFrontend?: number;
}

/** A CSV row: a real line's fields, some of them rewritten by name. */
interface Row {
  template: string;
  values: Record<string, string>;
}
interface ServerRow extends Row {
  state: ServerState;
}
interface Stats {
  frontends: Row[];
  backends: { row: Row; servers: ServerRow[] }[];
}

/** Returns the CSV text, HTTP-style: every line ends with `,\n`, no empty line at the end. */
export function generateStatsCsv(options: GenerateOptions): string {
  return renderStats(buildStats(options));
}

/** How a series moves from poll to poll: by default about one server in five shows a change beyond its ages. */
export interface ChurnOptions {
  /** Seconds between polls: every server's lastchg grows by it, as HAProxy's does. Default 2. */
  intervalSec?: number;
  /** Share of servers carrying traffic (picked once): their counters grow every poll; the rest stay idle. */
  trafficShare?: number;
  /** One UP ↔ DOWN flip per this many server-polls. Default 5,000. */
  flipEvery?: number;
  /** Share of the other checked servers whose last check took a different 1–3 ms than before. Default 0.1. */
  checkChangeShare?: number;
}

/**
 * Successive polls of one HAProxy: the first call returns generateStatsCsv(options), each later call the next poll
 * (every lastchg and idle lastsess grows, counters of the busy servers grow, some check durations change, a rare
 * server flips UP ↔ DOWN; the idle rest stays as it was). Its own seeded PRNG: the same options give the same series
 * on every run.
 */
export function statsCsvSeries(options: GenerateOptions, churn: ChurnOptions = {}): () => string {
  const { intervalSec = 2, trafficShare = 0.1, flipEvery = 5_000, checkChangeShare = 0.1 } = churn;
  const stats = buildStats(options);
  const random = mulberry32(options.seed ^ 0x5eed);
  const busy = new Set(stats.backends.flatMap((b) => b.servers).filter(() => random() < trafficShare));
  let polls = 0;
  return () => {
    if (polls++ > 0) advance(stats, { random, busy, intervalSec, flipEvery, checkChangeShare });
    return renderStats(stats);
  };
}

interface Advance {
  random: () => number;
  busy: Set<ServerRow>;
  intervalSec: number;
  flipEvery: number;
  checkChangeShare: number;
}

function advance({ frontends, backends }: Stats, how: Advance): void {
  let sessions = 0;
  for (const { row, servers } of backends) {
    const before = sessions;
    for (const server of servers) sessions += advanceServer(server, how);
    add(row, 'stot', sessions - before);
    add(row, 'lastchg', how.intervalSec);
    if (sessions > before) row.values.lastsess = '0';
    else add(row, 'lastsess', how.intervalSec);
  }
  for (const frontend of frontends.filter((f) => f.template === TEMPLATES.frontend))
    add(frontend, 'stot', Math.round(sessions / frontends.length) * 2);
}

/** One poll on for one server; returns the sessions it took. */
function advanceServer(server: ServerRow, how: Advance): number {
  const { random, busy, intervalSec, flipEvery } = how;
  const { values } = server;
  add(server, 'lastchg', intervalSec);
  if (!busy.has(server)) add(server, 'lastsess', intervalSec); // seconds since its last session: an idle one's grows
  const checkChanges = busy.has(server) || random() < how.checkChangeShare;
  if (values.check_duration !== '' && checkChanges)
    values.check_duration = String(((Number(values.check_duration) + int(random, 2)) % 3) + 1);
  if (random() < 1 / flipEvery && /^(UP|DOWN)$/.test(server.state.status)) flip(server);
  if (!busy.has(server)) return 0;
  const rate = 1 + int(random, 20);
  const sessions = rate * intervalSec;
  for (const name of ['stot', 'lbtot', 'req_tot', 'hrsp_2xx']) add(server, name, sessions);
  add(server, 'bin', sessions * (500 + int(random, 500)));
  add(server, 'bout', sessions * (10_000 + int(random, 20_000)));
  if (random() < 0.05) add(server, 'hrsp_5xx', 1);
  const rtime = 20 + int(random, 200);
  Object.assign(values, {
    scur: String(int(random, 50)),
    rate: String(rate),
    lastsess: '0',
    rtime: String(rtime),
    ttime: String(rtime + int(random, 50)),
  });
  return sessions;
}

function flip(server: ServerRow): void {
  const down = server.state.status === 'UP';
  server.state = STATES.find(([, state]) => state.status === (down ? 'DOWN' : 'UP'))![1];
  Object.assign(server.values, stateValues(server.state), { lastchg: '0' });
  if (down) add(server, 'chkdown', 1);
}

/** Adds to a numeric field, read from the row's values or else its template. */
function add(row: Row, name: string, by: number): void {
  const current = row.values[name] ?? templateFields(row.template)[COLUMN_INDEX.get(name)!];
  row.values[name] = String(Number(current || 0) + by);
}

function buildStats(options: GenerateOptions): Stats {
  const { backends, serversPerBackend, seed, backendsPerFrontend = 25 } = options;
  const random = mulberry32(seed);
  const stats: Stats = { frontends: [], backends: [] };
  let iid = 2;
  for (let f = 0; f < Math.ceil(backends / backendsPerFrontend); f++) {
    const name = `fe_${f}`;
    const frontend = { pxname: name, iid: String(iid), stot: String(int(random, 1e6)) };
    stats.frontends.push({ template: TEMPLATES.frontend, values: frontend });
    stats.frontends.push({
      template: TEMPLATES.listener,
      values: { pxname: name, iid: String(iid), addr: `10.0.0.1:${8000 + f}` },
    });
    iid++;
  }
  for (let b = 0; b < backends; b++) {
    const pxname = `be_${b}`;
    const servers: ServerRow[] = [];
    for (let s = 1; s <= serversPerBackend; s++) {
      const state = pickState(random());
      servers.push({
        template: TEMPLATES.server,
        state,
        values: serverValues(random, state, pxname, iid, s),
      });
    }
    const values = { pxname, iid: String(iid), stot: String(int(random, 1e7)), bck: '0' };
    stats.backends.push({ row: { template: TEMPLATES.backend, values }, servers });
    iid++;
  }
  return stats;
}

function renderStats({ frontends, backends }: Stats): string {
  const lines = [DEBIAN_2_6_12_HEADER, ...frontends.map(toRowLine)];
  for (const { row, servers } of backends) {
    const usable = servers.filter(
      ({ state }) => state.status.startsWith('UP') || state.status === 'no check',
    );
    lines.push(...servers.map(toRowLine));
    lines.push(
      toLine(row.template, {
        ...row.values,
        status: usable.length > 0 ? 'UP' : 'DOWN',
        act: String(usable.length),
      }),
    );
  }
  return lines.join('\n') + '\n';
}

const toRowLine = (row: Row) => toLine(row.template, row.values);

function serverValues(random: () => number, state: ServerState, pxname: string, iid: number, sid: number) {
  const stot = int(random, 2_000);
  return {
    ...stateValues(state),
    pxname,
    svname: `web-${sid}`,
    iid: String(iid),
    sid: String(sid),
    stot: String(stot),
    lbtot: String(stot),
    bin: String(stot * 83),
    bout: String(stot * 190),
    scur: String(int(random, 50)),
    lastchg: String(int(random, 10_000)),
    check_duration: state.check_status === '' ? '' : String(int(random, 40)),
    addr: `10.42.${int(random, 256)}.${int(random, 256)}:8080`,
  };
}

const stateValues = (state: ServerState) => ({
  ...state,
  check_desc: csvField(state.check_desc),
  last_chk: csvField(state.last_chk),
});

function pickState(r: number): ServerState {
  let left = r * TOTAL_WEIGHT;
  for (const [weight, state] of STATES) {
    left -= weight;
    if (left < 0) return state;
  }
  return STATES[0]![1];
}

const splitTemplates = new Map<string, readonly string[]>();
const templateFields = (template: string) =>
  splitTemplates.get(template) ?? splitTemplates.set(template, template.split(',')).get(template)!;

function toLine(template: string, values: Record<string, string>): string {
  const fields = [...templateFields(template)];
  for (const [name, value] of Object.entries(values)) {
    const at = COLUMN_INDEX.get(name);
    if (at !== undefined) fields[at] = value;
  }
  return fields.join(',');
}

/** HAProxy's csv_enc(): quote a value holding a comma, a quote or a line break; double its quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function int(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

/** A small seeded PRNG (mulberry32): the same seed gives the same CSV on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
