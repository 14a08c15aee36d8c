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

/** Returns the CSV text, HTTP-style: every line ends with `,\n`, no empty line at the end. */
export function generateStatsCsv(options: GenerateOptions): string {
  const { backends, serversPerBackend, seed, backendsPerFrontend = 25 } = options;
  const random = mulberry32(seed);
  const lines = [DEBIAN_2_6_12_HEADER];
  let iid = 2;
  for (let f = 0; f < Math.ceil(backends / backendsPerFrontend); f++) {
    const name = `fe_${f}`;
    lines.push(
      toLine(TEMPLATES.frontend, { pxname: name, iid: String(iid), stot: String(int(random, 1e6)) }),
    );
    lines.push(toLine(TEMPLATES.listener, { pxname: name, iid: String(iid), addr: `10.0.0.1:${8000 + f}` }));
    iid++;
  }
  for (let b = 0; b < backends; b++) {
    const pxname = `be_${b}`;
    let usable = 0;
    for (let s = 1; s <= serversPerBackend; s++) {
      const state = pickState(random());
      if (state.status.startsWith('UP') || state.status === 'no check') usable++;
      lines.push(serverLine(random, state, pxname, iid, s));
    }
    lines.push(
      toLine(TEMPLATES.backend, {
        pxname,
        iid: String(iid),
        stot: String(int(random, 1e7)),
        status: usable > 0 ? 'UP' : 'DOWN',
        act: String(usable),
        bck: '0',
      }),
    );
    iid++;
  }
  return lines.join('\n') + '\n';
}

function serverLine(random: () => number, state: ServerState, pxname: string, iid: number, sid: number) {
  const stot = int(random, 2_000);
  return toLine(TEMPLATES.server, {
    ...state,
    check_desc: csvField(state.check_desc),
    last_chk: csvField(state.last_chk),
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
  });
}

function pickState(r: number): ServerState {
  let left = r * TOTAL_WEIGHT;
  for (const [weight, state] of STATES) {
    left -= weight;
    if (left < 0) return state;
  }
  return STATES[0]![1];
}

function toLine(template: string, values: Record<string, string>): string {
  const fields = template.split(',');
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
