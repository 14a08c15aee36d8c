/*
 * A loose reader of HAProxy's HTML stats page (`/stats`, checked on 2.6 and 3.4): what an operator sees, cell by
 * cell and tooltip by tooltip, as the page's own text. An oracle for tests, independent of the app's CSV parser:
 * it reads the page as a small tree (table, tr, th, td, div; other tags only give their text).
 */

/** A tooltip (`<div class=tips>`): a label → value table (labels without "- " and ":"), or its text. */
export type StatsHtmlTip = Record<string, string> | string;

export interface StatsHtmlRow {
  proxy: string;
  kind: 'frontend' | 'listener' | 'backend' | 'server';
  /** "Frontend", "Backend", or the server's or listener's name. */
  name: string;
  /** The row's class, the colour the page gives it: active_up, backup_down, maintain, socket … */
  rowClass: string;
  queue: { cur: string; max: string; limit: string };
  sessionRate: { cur: string; max: string; limit: string };
  sessions: { cur: string; max: string; limit: string; total: string; lbtot: string; last: string };
  bytes: { in: string; out: string };
  denied: { req: string; resp: string };
  errors: { req: string; conn: string; resp: string };
  warnings: { retr: string; redis: string };
  /** The "Server" columns. status is the page's "9s UP" (age of the last change, then the state). */
  server: {
    status: string;
    lastChk: string;
    wght: string;
    act: string;
    bck: string;
    chk: string;
    dwn: string;
    dwntme: string;
    thrtle: string;
  };
  /** What the tooltips hold; null where this row's page has no such tooltip. */
  tips: {
    /** The name cell: "IPv4: 127.0.0.1:8080, id: 1" (with `stats show-legends`), "balancing: roundrobin" … */
    name: string | null;
    /** Sessions Total → "Cum. HTTP requests". */
    requests: string | null;
    /** Sessions Total → "HTTP 1xx responses" … "other responses". */
    responses: Record<'1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'other', string> | null;
    /** Sessions Total → "Max / Avg over last 1024 success. conn.": each as shown, "max / avg" in ms. */
    times: { queue: string; connect: string; response: string; total: string } | null;
    /** Session rate Cur / Max → "Current request rate" / "Max request rate", without the "/s" (frontends). */
    requestRate: { cur: string; max: string } | null;
    /** Errors Resp → "Connection resets during transfers: <client> client, <server> server". */
    aborts: { client: string; server: string } | null;
    /** LastChk → the check's description ("Layer7 check passed"). */
    check: string | null;
  };
  /** Every cell's visible text by its header ("Queue Cur" … "Server Thrtle"), "" when blank. */
  cells: Record<string, string>;
  /** Every tooltip by the header of its cell ("Name" for the first cell). */
  tooltips: Record<string, StatsHtmlTip>;
}

export function readStatsHtml(html: string): StatsHtmlRow[] {
  const tables = findAll(parseTree(html), (node) => node.tag === 'table' && node.attrs.class === 'tbl');
  const rows: StatsHtmlRow[] = [];
  let proxy: string | null = null;
  for (const table of tables) {
    const pxname = findAll(table, (node) => node.tag === 'th' && node.attrs.class === 'pxname')[0];
    if (pxname) proxy = textOf(pxname);
    else if (proxy !== null) rows.push(...readProxyTable(proxy, table));
  }
  return rows;
}

/** A number as the page shows it: null for "", "-" and other non-numbers; "5 %" → 5, "1/s" → 1. */
export function htmlNumber(text: string): number | null {
  const match = /^(-?\d+)(?:\s*%|\/s)?$/.exec(text.replaceAll(' ', ''));
  return match ? Number(match[1]) : null;
}

/** HAProxy's human_time() back to seconds ("1h2m" → 3720; it shows two units, so "1h2m" hides seconds). */
export function htmlAgeSec(text: string): number | null {
  const match = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?=\s|$)/.exec(text.trim());
  if (!match || match[0] === '') return null;
  const [d, h, m, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number];
  return ((d * 24 + h) * 60 + m) * 60 + s;
}

/** "max / avg" of a times tooltip → the average. */
export function htmlAverage(text: string): number | null {
  return htmlNumber(text.split('/')[1]?.trim() ?? '');
}

function readProxyTable(proxy: string, table: HtmlNode): StatsHtmlRow[] {
  const trs = table.children.filter(isNode).filter((node) => node.tag === 'tr');
  const titles = trs.filter((tr) => tr.attrs.class === 'titre');
  const groups = cellsOf(titles[0])
    .slice(1)
    .flatMap((th) => repeat(textOf(th), span(th)));
  const columns = ['Name', ...cellsOf(titles[1]).map((th, i) => `${groups[i] ?? ''} ${textOf(th)}`.trim())];
  return trs.filter((tr) => tr.attrs.class !== 'titre').map((tr) => toRow(proxy, tr, columns));
}

function toRow(proxy: string, tr: HtmlNode, columns: string[]): StatsHtmlRow {
  const cells: Record<string, string> = {};
  const tooltips: Record<string, StatsHtmlTip> = {};
  let column = 0;
  for (const td of cellsOf(tr)) {
    const name = columns[column] ?? `#${column}`;
    cells[name] = textOf(td);
    const tip = tipOf(td);
    if (tip !== null) tooltips[name] = tip;
    for (let extra = 1; extra < span(td); extra++)
      cells[columns[column + extra] ?? `#${column + extra}`] = '';
    column += span(td);
  }
  const cell = (name: string) => cells[name] ?? '';
  const table = (name: string) => (typeof tooltips[name] === 'object' ? tooltips[name] : null);
  const text = (name: string) => (typeof tooltips[name] === 'string' ? tooltips[name] : null);
  const sessions = table('Sessions Total');
  const rateOf = (tip: Record<string, string> | null, label: string) =>
    tip?.[label]?.replace(/\/s$/, '') ?? '';
  const aborts = /(\d+) client, (\d+) server/.exec(text('Errors Resp') ?? '');
  const rowClass = tr.attrs.class ?? '';
  return {
    proxy,
    kind: ({ frontend: 'frontend', backend: 'backend', socket: 'listener' } as const)[rowClass] ?? 'server',
    name: cell('Name'),
    rowClass,
    queue: { cur: cell('Queue Cur'), max: cell('Queue Max'), limit: cell('Queue Limit') },
    sessionRate: {
      cur: cell('Session rate Cur'),
      max: cell('Session rate Max'),
      limit: cell('Session rate Limit'),
    },
    sessions: {
      cur: cell('Sessions Cur'),
      max: cell('Sessions Max'),
      limit: cell('Sessions Limit'),
      total: cell('Sessions Total'),
      lbtot: cell('Sessions LbTot'),
      last: cell('Sessions Last'),
    },
    bytes: { in: cell('Bytes In'), out: cell('Bytes Out') },
    denied: { req: cell('Denied Req'), resp: cell('Denied Resp') },
    errors: { req: cell('Errors Req'), conn: cell('Errors Conn'), resp: cell('Errors Resp') },
    warnings: { retr: cell('Warnings Retr'), redis: cell('Warnings Redis') },
    server: {
      status: cell('Server Status'),
      lastChk: cell('Server LastChk'),
      wght: cell('Server Wght'),
      act: cell('Server Act'),
      bck: cell('Server Bck'),
      chk: cell('Server Chk'),
      dwn: cell('Server Dwn'),
      dwntme: cell('Server Dwntme'),
      thrtle: cell('Server Thrtle'),
    },
    tips: {
      name: text('Name'),
      requests: sessions?.['Cum. HTTP requests'] ?? null,
      responses: sessions?.['HTTP 1xx responses'] === undefined ? null : responsesOf(sessions),
      times: sessions?.['Total time'] === undefined ? null : timesOf(sessions),
      requestRate: table('Session rate Cur')?.['Current request rate']
        ? {
            cur: rateOf(table('Session rate Cur'), 'Current request rate'),
            max: rateOf(table('Session rate Max'), 'Max request rate'),
          }
        : null,
      aborts: aborts ? { client: aborts[1]!, server: aborts[2]! } : null,
      check: text('Server LastChk'),
    },
    cells,
    tooltips,
  };
}

function responsesOf(tip: Record<string, string>): NonNullable<StatsHtmlRow['tips']['responses']> {
  const of = (label: string) => tip[label] ?? '';
  return {
    '1xx': of('HTTP 1xx responses'),
    '2xx': of('HTTP 2xx responses'),
    '3xx': of('HTTP 3xx responses'),
    '4xx': of('HTTP 4xx responses'),
    '5xx': of('HTTP 5xx responses'),
    other: of('other responses'),
  };
}

function timesOf(tip: Record<string, string>): NonNullable<StatsHtmlRow['tips']['times']> {
  const of = (label: string) => tip[label] ?? '';
  return {
    queue: of('Queue time'),
    connect: of('Connect time'),
    response: of('Responses time'),
    total: of('Total time'),
  };
}

/* ---- a tree of the structural tags only ---- */

interface HtmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: (HtmlNode | string)[];
}

const STRUCTURAL = new Set(['table', 'tr', 'th', 'td', 'div']);

function parseTree(html: string): HtmlNode {
  const root: HtmlNode = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  const top = () => stack[stack.length - 1]!;
  const closeTo = (tags: string[]) => {
    const at = stack.findLastIndex((node) => tags.includes(node.tag));
    if (at > 0) stack.length = at;
  };
  const body = html.replace(/<!--[\s\S]*?-->|<(style|script)\b[\s\S]*?<\/\1>/gi, '');
  for (const [, slash, rawTag, attrText, text] of body.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>|([^<]+)/g)) {
    if (text !== undefined) {
      top().children.push(decodeEntities(text));
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (!STRUCTURAL.has(tag)) continue;
    if (slash) {
      closeTo([tag]);
      continue;
    }
    // HTML lets a cell or row end where the next one starts.
    if ((tag === 'td' || tag === 'th') && ['td', 'th'].includes(top().tag)) stack.pop();
    if (
      tag === 'tr' &&
      stack.findLastIndex((n) => n.tag === 'tr') > stack.findLastIndex((n) => n.tag === 'table')
    ) {
      closeTo(['tr']);
    }
    const node: HtmlNode = { tag, attrs: attributes(attrText ?? ''), children: [] };
    top().children.push(node);
    stack.push(node);
  }
  return root;
}

function attributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [, name, quoted, bare] of text.matchAll(/([\w-]+)(?:=(?:"([^"]*)"|([^\s"'>]+)))?/g)) {
    attrs[name!.toLowerCase()] = decodeEntities(quoted ?? bare ?? '');
  }
  return attrs;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return named[name.toLowerCase()] ?? whole;
  });
}

const isNode = (child: HtmlNode | string): child is HtmlNode => typeof child !== 'string';
const isTip = (node: HtmlNode) => node.tag === 'div' && node.attrs.class === 'tips';
const cellsOf = (tr: HtmlNode | undefined) =>
  (tr?.children ?? []).filter(isNode).filter((node) => node.tag === 'td' || node.tag === 'th');
const span = (cell: HtmlNode) => Math.max(1, Number(cell.attrs.colspan) || 1);
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

function findAll(node: HtmlNode, match: (node: HtmlNode) => boolean): HtmlNode[] {
  const found: HtmlNode[] = [];
  for (const child of node.children.filter(isNode)) {
    if (match(child)) found.push(child);
    found.push(...findAll(child, match));
  }
  return found;
}

/** The visible text: tooltips left out, spaces collapsed. */
function textOf(node: HtmlNode): string {
  const parts: string[] = [];
  const walk = (n: HtmlNode) => {
    for (const child of n.children) {
      if (typeof child === 'string') parts.push(child);
      else if (!isTip(child)) walk(child);
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function tipOf(cell: HtmlNode): StatsHtmlTip | null {
  const tip = findAll(cell, isTip)[0];
  if (!tip) return null;
  const det = findAll(tip, (node) => node.tag === 'table')[0];
  if (!det) return textOf(tip);
  const entries: Record<string, string> = {};
  for (const tr of findAll(det, (node) => node.tag === 'tr')) {
    const [th, td] = cellsOf(tr);
    if (th?.tag !== 'th' || td?.tag !== 'td') continue; // a sub-heading ("Max / Avg over …")
    entries[textOf(th).replace(/^-\s*/, '').replace(/:$/, '')] = textOf(td);
  }
  return entries;
}
