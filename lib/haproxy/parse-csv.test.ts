import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseStatsCsv, parseStatsCsvColumns } from './parse-csv';
import { STAT_COLUMNS, StatsParseError } from './types';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/haproxy-csv');
const HAVE_FIXTURES = existsSync(FIXTURES);
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const find = (rows: Record<string, string>[], pxname: string, svname: string) =>
  rows.filter((row) => row.pxname === pxname && row.svname === svname);

function parseError(text: string): StatsParseError {
  try {
    parseStatsCsv(text);
  } catch (error) {
    if (error instanceof StatsParseError) return error;
    throw error;
  }
  throw new Error('parsed without error');
}

describe.skipIf(!HAVE_FIXTURES)(
  `real HAProxy output (${FIXTURES}; skipped when the folder is absent)`,
  () => {
    test.each([
      // file, rows, last header column, its value in the first row, fixed fields before `-` (null before 2.3)
      ['haproxy-1.5-marathon-lb.csv', 31, 'ttime', '', null],
      ['haproxy-1.8-telegraf.csv', 13, 'dses', '0', null],
      ['haproxy-2.5.5-show-stat.csv', 12, 'h2_backend_total_streams', '0', 101],
      ['haproxy-2.6-otel.csv', 6, 'h1_spliced_bytes_out', '0', 103],
      ['haproxy-2.6.12-http.csv', 17, 'h1_spliced_bytes_out', '0', 103],
      ['haproxy-2.6.12-going-down.csv', 17, 'h1_spliced_bytes_out', '0', 103],
      ['haproxy-2.6.12-going-up.csv', 17, 'h1_spliced_bytes_out', '0', 103],
      // 3.4 LTS: 140 columns (2.6 has 128), the fixed fields run 15 columns longer before `-`
      ['haproxy-3.4.0-http.csv', 14, 'h1_spliced_bytes_out', '0', 118],
      ['haproxy-3.4.0-show-stat.csv', 14, 'h1_spliced_bytes_out', '0', 118],
    ])('%s: %i rows, read through its last column %s', (file, count, lastColumn, firstValue, fixed) => {
      const text = fixture(file);
      const rows = parseStatsCsvColumns(text, ['pxname', 'svname', lastColumn, '-']);
      expect(rows).toHaveLength(count);
      expect(rows[0]![lastColumn]).toBe(firstValue);
      expect(rows.every((row) => row['-'] === (fixed === null ? '' : '-'))).toBe(true);
      if (fixed !== null) expect(text.split('\n', 1)[0]!.split(',').indexOf('-')).toBe(fixed);
      expect(parseStatsCsv(text)).toHaveLength(count);
    });

    test('2.6.12 going-down: t2 is UP 2/3 after failed checks, with the check text', () => {
      const [t2] = find(parseStatsCsv(fixture('haproxy-2.6.12-going-down.csv')), 'be_tcp', 't2');
      expect(t2).toMatchObject({
        status: 'UP 2/3',
        check_status: 'L4CON',
        check_desc: 'Layer4 connection problem',
        last_chk: 'Connection refused',
        check_health: '3',
        chkfail: '2',
        addr: '127.0.0.1:18083',
      });
    });

    test('2.6.12 going-up: t2 is DOWN 1/2 after a passing check', () => {
      const [t2] = find(parseStatsCsv(fixture('haproxy-2.6.12-going-up.csv')), 'be_tcp', 't2');
      expect(t2).toMatchObject({ status: 'DOWN 1/2', check_status: 'L4OK', check_health: '1', chkdown: '2' });
    });

    test('2.6.12 over HTTP: every server status, and addr empty without stats show-legends', () => {
      const rows = parseStatsCsv(fixture('haproxy-2.6.12-http.csv'));
      const servers = rows.filter((row) => row.type === '2');
      expect(Object.fromEntries(servers.map((row) => [`${row.pxname}/${row.svname}`, row.status]))).toEqual({
        'be_app/up1': 'UP',
        'be_app/down1': 'DOWN',
        'be_app/nocheck1': 'no check',
        'be_app/maint1': 'MAINT',
        'be_app/via1': 'MAINT (via be_app/maint1)',
        'be_app/drain1': 'DRAIN',
        'be_app/bk1': 'UP',
        'be_tcp/t1': 'UP',
        'be_tcp/t2': 'DOWN',
        'be_empty/e1': 'DOWN',
      });
      expect(servers.every((row) => row.addr === '')).toBe(true);
      expect(find(rows, 'be_app', 'bk1')[0]).toMatchObject({
        bck: '1',
        act: '0',
        check_desc: 'Layer7 check passed',
      });
      expect(find(rows, 'be_app', 'BACKEND')[0]).toMatchObject({
        status: 'UP',
        act: '2',
        bck: '1',
        type: '1',
      });
    });

    test('1.5: columns that came later (check_desc, check_rise…) read as empty', () => {
      const [www] = find(parseStatsCsv(fixture('haproxy-1.5-marathon-lb.csv')), 'www', 'www');
      expect(www).toMatchObject({
        status: 'UP',
        check_status: 'L7OK',
        last_chk: 'OK',
        check_desc: '',
        check_rise: '',
      });
    });

    test('1.5 marathon-lb: two dumps; the hand-edited rows are returned verbatim, in order', () => {
      const rows = parseStatsCsv(fixture('haproxy-1.5-marathon-lb.csv'));
      // Upstream edited listener rows (type 3) to carry server-like names and states: the parser does not judge.
      expect(find(rows, 'http-in', '10_0_6_25_31184').map((row) => [row.status, row.type])).toEqual([
        ['UP', '3'],
        ['MAINT', '3'],
      ]);
      expect(find(rows, 'http-in', '10_0_6_25_23336')[1]).toMatchObject({
        qcur: '1',
        qmax: '2',
        status: 'MAINT',
      });
      expect(find(rows, 'http-out', 'IPv4-cached')[0]).toMatchObject({ iid: '2', type: '3' });
      expect(rows.at(-1)?.svname).toBe('10_0_6_25_23336');
    });

    test('1.8 telegraf: a leading empty line', () => {
      const rows = parseStatsCsv(fixture('haproxy-1.8-telegraf.csv'));
      expect(rows[0]).toMatchObject({ pxname: 'http-in', svname: 'FRONTEND', status: 'OPEN' });
      expect(find(rows, 'git', 'www')[0]).toMatchObject({
        check_desc: 'Layer7 check passed',
        check_health: '4',
      });
    });

    test('2.5.5 show stat: the socket fills addr; a final empty line', () => {
      const rows = parseStatsCsv(fixture('haproxy-2.5.5-show-stat.csv'));
      expect(find(rows, 'http-backend', 'http-backend-srv-1')[0]).toMatchObject({
        status: 'no check',
        addr: '127.0.0.1:8000',
        check_status: '',
      });
    });

    test('2.6 otel: no final newline, the last row is complete', () => {
      const rows = parseStatsCsvColumns(fixture('haproxy-2.6-otel.csv'), [
        'svname',
        'status',
        'h1_bytes_out',
      ]);
      expect(rows.at(-1)).toEqual({ svname: 'BACKEND', status: 'UP', h1_bytes_out: '91496' });
    });
  },
);

const H = '# pxname,svname,status,check_desc,';

describe('edge cases', () => {
  test.each([
    ['trailing commas', `${H}\nbe,s1,UP,,\n`, { svname: 's1', status: 'UP', check_desc: '' }],
    [
      'a quoted field with a comma and doubled quotes',
      `${H}\nbe,s1,DOWN,"Layer7 wrong status, ""x""",\n`,
      { status: 'DOWN', check_desc: 'Layer7 wrong status, "x"' },
    ],
    [
      'a quoted empty field and a quoted plain one',
      `${H}\nbe,"s1",UP,"",\n`,
      { svname: 's1', check_desc: '' },
    ],
    [
      'a header and rows without trailing commas',
      '# pxname,svname,status,check_desc\nbe,s1,UP,"a,b"',
      { check_desc: 'a,b' },
    ],
    ['CRLF line endings', `${H}\r\nbe,s1,UP,ok,\r\n`, { status: 'UP', check_desc: 'ok' }],
    ['CRLF with no trailing comma', `# pxname,svname,status\r\nbe,s1,UP\r\n`, { status: 'UP' }],
    ['no final newline', `${H}\nbe,s1,UP,ok,`, { check_desc: 'ok' }],
    ['leading and trailing empty lines', `\n\r\n${H}\n\nbe,s1,UP,ok,\n\n\n`, { svname: 's1' }],
    ['more fields than the header', `${H}\nbe,s1,UP,ok,extra,more,\n`, { check_desc: 'ok' }],
  ])('%s', (_, text, expected) => {
    const rows = parseStatsCsv(text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ pxname: 'be', ...expected, weight: '' });
  });

  test('duplicate column names: the first occurrence wins (HAProxy 2.3.0)', () => {
    const text = '# pxname,svname,h2_open_connections,status,h2_open_connections,\nbe,s1,7,UP,9,\n';
    expect(parseStatsCsvColumns(text, ['h2_open_connections', 'status'])).toEqual([
      { h2_open_connections: '7', status: 'UP' },
    ]);
  });

  test('`-` ends the fixed fields; module columns after it are read by name', () => {
    const text = '# pxname,svname,status,-,ssl_sess,h1_open_connections,\nfe,FRONTEND,OPEN,-,12,3,\n';
    expect(parseStatsCsvColumns(text, ['status', '-', 'h1_open_connections', 'quic_rxbuf_full'])).toEqual([
      { status: 'OPEN', '-': '-', h1_open_connections: '3', quic_rxbuf_full: '' },
    ]);
  });

  test('two dumps with different headers: each header maps the rows after it', () => {
    const text = [
      '# pxname,svname,status,',
      'be,s1,UP,',
      '# pxname,svname,weight,check_desc,status,',
      'be,s1,5,"a, b",DOWN,',
      '',
    ].join('\n');
    expect(parseStatsCsvColumns(text, ['svname', 'status', 'weight', 'check_desc'])).toEqual([
      { svname: 's1', status: 'UP', weight: '', check_desc: '' },
      { svname: 's1', status: 'DOWN', weight: '5', check_desc: 'a, b' },
    ]);
  });

  test('a header and no rows gives no rows', () => {
    expect(parseStatsCsv(`${H}\n`)).toEqual([]);
  });

  test('rows hold every STAT_COLUMNS key, each filled from its own column', () => {
    const text = `# ${STAT_COLUMNS.join(',')},\n${[...STAT_COLUMNS].reverse().join(',')},\n${STAT_COLUMNS.join(',')},\n`;
    const [reversed, same] = parseStatsCsv(text);
    expect(same).toEqual(Object.fromEntries(STAT_COLUMNS.map((name) => [name, name])));
    expect(Object.keys(reversed!)).toEqual([...STAT_COLUMNS]);
  });
});

describe('errors an operator can act on', () => {
  test.each([
    ['an empty body', '', 'not-csv', /^not CSV: empty response$/],
    ['only empty lines', '\n\r\n\n', 'not-csv', /empty response/],
    [
      'the HTML stats page',
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"\n<html><head>',
      'not-csv',
      /^not CSV: the response starts with "<!DOCTYPE HTML PUBLIC .*…" \(is the URL the stats page with ;csv\?\)$/,
    ],
    ['a JSON body (;json)', '[[{"objType":"Frontend"}]]', 'not-csv', /starts with "\[\[\{"objType"/],
    [
      'CSV without the "# " header',
      'pxname,svname,status,\nbe,s1,UP,\n',
      'not-csv',
      /starts with "pxname,svname/,
    ],
    [
      'a last line cut mid-row',
      `${H}\nbe,s1,UP,ok,\nbe,s2,DO`,
      'truncated',
      /last line \(3\) has 2 of 4 fields/,
    ],
    ['a last line cut after a comma', `${H}\nbe,s1,UP,`, 'truncated', /has 3 of 4 fields/],
    ['a last line without its trailing comma', `${H}\nbe,s1,UP,"ok"`, 'truncated', /has 3 of 4 fields/],
    ['a last line cut inside quotes', `${H}\nbe,s1,DOWN,"Layer7 wr`, 'truncated', /inside a quoted field/],
    ['a cut header', '# pxname,svname,sta', 'truncated', /inside the header line/],
    [
      'a short middle line',
      `${H}\nbe,s1,UP,ok,\nbe,s2,\nbe,s3,UP,ok,\n`,
      'garbled',
      /^garbled .*line 3 has 2 of 4/,
    ],
    ['an open quote mid-body', `${H}\nbe,s1,"UP,ok,\nbe,s3,UP,ok,\n`, 'garbled', /line 2 has an open quote/],
    ['text after a closing quote', `${H}\nbe,s1,"UP"x,ok,\n`, 'garbled', /text after a closing quote/],
    ['a stray quote', `${H}\nbe,s"1,UP,ok,\n`, 'garbled', /a quote inside an unquoted field/],
    ['a second header that is not one', `${H}\nbe,s1,UP,ok,\n# hello\n`, 'garbled', /line 3 is not a/],
  ])('%s → %s', (_, text, kind, message) => {
    const error = parseError(text);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });
});
