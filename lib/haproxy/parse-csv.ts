import { STAT_COLUMNS, StatsParseError, type HaproxyStatRow } from './types';

/*
 * HAProxy's stats CSV (`/stats;csv`, `show stat`), parsed in one pass by header NAME. Pure: no I/O and no
 * 'server-only', so benchmarks run it under tsx. Lines without `"` take a fast path (one charCode scan for the
 * commas, then a copy of the wanted fields only); lines holding a quote are split in full.
 *
 * Rules: a `# pxname,…` line starts a dump and sets the column map for the rows after it (several dumps may be
 * concatenated); a duplicated column name maps to its first occurrence; empty lines are skipped; a row needs
 * every field of its header (a field counts once a comma ends it, as HAProxy ends every line with one), extra
 * fields are ignored. A quoted field must close on its own line: HAProxy only quotes one-line texts (reason
 * phrases, check descriptions), so a quote left open means a cut or garbled body.
 */

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Where the wanted columns sit in one dump's header. */
interface ColumnPlan {
  /** Header positions of the wanted columns present in this dump; `slots[i]` is the index in `columns`. */
  positions: number[];
  slots: number[];
  /** Comma-separated pieces of the header line (counting the empty one after HAProxy's trailing comma). */
  pieces: number;
  /** Fields named by the header (without that empty one), for messages. */
  named: number;
  /** Scratch space for where each field of a line starts (one more than `pieces`). */
  starts: Int32Array;
}

/** Parses the stats CSV into rows holding STAT_COLUMNS ('' where a column is absent or empty). */
export function parseStatsCsv(text: string): HaproxyStatRow[] {
  return parseRows(text, STAT_COLUMNS, toStatRow);
}

/** Parses the stats CSV into rows holding `columns` ('' where a column is absent or empty). */
export function parseStatsCsvColumns(text: string, columns: readonly string[]): Record<string, string>[] {
  return parseRows(text, columns, (values) => {
    const row: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i]!;
    return row;
  });
}

function parseRows<Row>(text: string, columns: readonly string[], toRow: (values: string[]) => Row): Row[] {
  const rows: Row[] = [];
  const values: string[] = new Array<string>(columns.length).fill('');
  let plan: ColumnPlan | undefined;
  let nextQuote = text.indexOf('"');
  let lineNo = 0;
  for (let pos = 0; pos < text.length;) {
    lineNo++;
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    if (end > pos) {
      if (plan === undefined || text.startsWith('# ', pos)) {
        plan = readHeader(text, pos, end, lineNo, columns, plan === undefined);
        values.fill('');
      } else {
        if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
        const complete =
          nextQuote === -1 || nextQuote >= end
            ? readPlainLine(text, pos, end, plan, values)
            : readQuotedLine(text, pos, end, plan, values, lineNo);
        if (!complete) throw shortLineError(text, pos, end, plan, lineNo);
        rows.push(toRow(values));
      }
    }
    pos = nl + 1;
  }
  if (plan === undefined) throw new StatsParseError('not-csv', 'not CSV: empty response');
  return rows;
}

function readHeader(
  text: string,
  start: number,
  end: number,
  lineNo: number,
  columns: readonly string[],
  first: boolean,
): ColumnPlan {
  const line = text.slice(start, end);
  if (!line.startsWith('# pxname,') && line !== '# pxname') {
    if (first) {
      throw new StatsParseError(
        'not-csv',
        `not CSV: the response starts with ${quoteStart(line)} (is the URL the stats page with ;csv?)`,
      );
    }
    throw new StatsParseError('garbled', `garbled stats CSV: line ${lineNo} is not a "# pxname,…" header`);
  }
  if (!line.endsWith(',') && isLastLine(text, end)) {
    throw new StatsParseError('truncated', 'truncated stats CSV: the response ends inside the header line');
  }
  const names = line.slice(2).split(',');
  const found = columns
    .map((name, slot) => ({ position: names.indexOf(name), slot })) // the first of duplicate names wins
    .filter(({ position }) => position !== -1)
    .sort((a, b) => a.position - b.position);
  return {
    positions: found.map((f) => f.position),
    slots: found.map((f) => f.slot),
    pieces: names.length,
    named: names[names.length - 1] === '' ? names.length - 1 : names.length,
    starts: new Int32Array(names.length + 1),
  };
}

/** The fast path, for a line without quotes. Fills `values`; false when the line lacks fields. */
function readPlainLine(
  text: string,
  start: number,
  end: number,
  plan: ColumnPlan,
  values: string[],
): boolean {
  const { starts, pieces, positions, slots } = plan;
  starts[0] = start;
  let count = 1;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === COMMA) {
      if (count <= pieces) starts[count] = i + 1;
      count++;
    }
  }
  if (count < pieces) return false;
  if (count === pieces) starts[count] = end + 1; // the last field ends where the line does
  for (let i = 0; i < positions.length; i++) {
    const at = positions[i]!;
    const from = starts[at]!;
    const to = starts[at + 1]! - 1;
    values[slots[i]!] = to > from ? text.slice(from, to) : '';
  }
  return true;
}

/** The slow path, for a line holding at least one `"`. */
function readQuotedLine(
  text: string,
  start: number,
  end: number,
  plan: ColumnPlan,
  values: string[],
  lineNo: number,
): boolean {
  const fields = splitQuotedLine(text, start, end);
  if (typeof fields === 'string') {
    if (fields === 'an open quote' && isLastLine(text, end)) {
      throw new StatsParseError(
        'truncated',
        `truncated stats CSV: the last line (${lineNo}) ends inside a quoted field (the response was cut off)`,
      );
    }
    throw new StatsParseError('garbled', `garbled stats CSV: line ${lineNo} has ${fields}`);
  }
  if (fields.length < plan.pieces) return false;
  for (let i = 0; i < plan.positions.length; i++) values[plan.slots[i]!] = fields[plan.positions[i]!]!;
  return true;
}

type QuoteProblem = 'an open quote' | 'text after a closing quote' | 'a quote inside an unquoted field';

/** Splits one line into fields: `"…"` quoting, `""` for a literal quote. */
function splitQuotedLine(text: string, start: number, end: number): string[] | QuoteProblem {
  const fields: string[] = [];
  for (let p = start; ; p++ /* past the comma */) {
    if (p < end && text.charCodeAt(p) === QUOTE) {
      let value = '';
      for (let from = p + 1; ;) {
        const quote = text.indexOf('"', from);
        if (quote === -1 || quote >= end) return 'an open quote';
        value += text.slice(from, quote);
        if (quote + 1 < end && text.charCodeAt(quote + 1) === QUOTE) {
          value += '"';
          from = quote + 2;
        } else {
          p = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (p === end) return fields;
      if (text.charCodeAt(p) !== COMMA) return 'text after a closing quote';
    } else {
      const comma = text.indexOf(',', p);
      const stop = comma === -1 || comma > end ? end : comma;
      const quote = text.indexOf('"', p);
      if (quote !== -1 && quote < stop) return 'a quote inside an unquoted field';
      fields.push(text.slice(p, stop));
      if (stop === end) return fields;
      p = stop;
    }
  }
}

function shortLineError(text: string, start: number, end: number, plan: ColumnPlan, lineNo: number) {
  const fields = splitQuotedLine(text, start, end);
  const pieces = typeof fields === 'string' ? 0 : fields.length;
  const counts = `${Math.max(pieces - (plan.pieces - plan.named), 0)} of ${plan.named} fields`;
  return isLastLine(text, end)
    ? new StatsParseError(
        'truncated',
        `truncated stats CSV: the last line (${lineNo}) has ${counts} (the response was cut off)`,
      )
    : new StatsParseError('garbled', `garbled stats CSV: line ${lineNo} has ${counts}`);
}

/** True when nothing but line breaks follows `end`. Only called on error paths. */
function isLastLine(text: string, end: number): boolean {
  for (let i = end; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== LF && c !== CR) return false;
  }
  return true;
}

function quoteStart(line: string): string {
  const trimmed = line.trim();
  return `"${trimmed.slice(0, 40)}${trimmed.length > 40 ? '…' : ''}"`;
}

/**
 * `values` (in STAT_COLUMNS order) as one object literal: V8 then gives all rows one fast shape, where setting
 * 64 keys one by one costs ~10 ms more per 10,000 rows. parse-csv.test.ts pins the order.
 */
function toStatRow(v: string[]): HaproxyStatRow {
  return {
    pxname: v[0]!,
    svname: v[1]!,
    qcur: v[2]!,
    qmax: v[3]!,
    scur: v[4]!,
    smax: v[5]!,
    slim: v[6]!,
    stot: v[7]!,
    status: v[8]!,
    weight: v[9]!,
    act: v[10]!,
    bck: v[11]!,
    chkfail: v[12]!,
    chkdown: v[13]!,
    lastchg: v[14]!,
    downtime: v[15]!,
    qlimit: v[16]!,
    pid: v[17]!,
    iid: v[18]!,
    sid: v[19]!,
    type: v[20]!,
    rate: v[21]!,
    rate_max: v[22]!,
    check_status: v[23]!,
    check_code: v[24]!,
    check_duration: v[25]!,
    check_desc: v[26]!,
    last_chk: v[27]!,
    check_rise: v[28]!,
    check_fall: v[29]!,
    check_health: v[30]!,
    addr: v[31]!,
    agent_status: v[32]!,
    lastsess: v[33]!,
    qtime: v[34]!,
    ctime: v[35]!,
    rtime: v[36]!,
    ttime: v[37]!,
    hrsp_5xx: v[38]!,
    eresp: v[39]!,
    econ: v[40]!,
    bin: v[41]!,
    bout: v[42]!,
    mode: v[43]!,
    lbtot: v[44]!,
    throttle: v[45]!,
    rate_lim: v[46]!,
    req_rate: v[47]!,
    req_rate_max: v[48]!,
    req_tot: v[49]!,
    dcon: v[50]!,
    dses: v[51]!,
    dreq: v[52]!,
    dresp: v[53]!,
    ereq: v[54]!,
    wretr: v[55]!,
    wredis: v[56]!,
    cli_abrt: v[57]!,
    srv_abrt: v[58]!,
    hrsp_1xx: v[59]!,
    hrsp_2xx: v[60]!,
    hrsp_3xx: v[61]!,
    hrsp_4xx: v[62]!,
    hrsp_other: v[63]!,
  };
}
