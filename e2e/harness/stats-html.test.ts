import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAgent, type Agent } from './agents';
import {
  fetchStats,
  findRow,
  requestThroughFrontend,
  startHaproxy,
  waitForStatus,
  type HaproxyHandle,
} from './haproxy';
import { htmlAgeSec, htmlAverage, htmlNumber, readStatsHtml, type StatsHtmlRow } from './stats-html';

/*
 * The HTML stats page reader against pages a real HAProxy serves (2.6 and 3.4), with a config whose every
 * figure the test knows: limits, weights, states, and the requests it sent. Then the page's number formats.
 */

const VERSIONS = [
  { label: 'HAProxy 2.6 (Debian)', bin: '/usr/sbin/haproxy', base: 18660 },
  { label: 'HAProxy 3.4', bin: '/work/shared/tools/haproxy/3.4.0/haproxy', base: 18670 },
];
const REQUESTS = 6;

for (const version of VERSIONS) {
  describe.skipIf(!existsSync(version.bin))(`the stats page of ${version.label}`, () => {
    const ports = {
      web: version.base,
      closed: version.base + 1,
      stats: version.base + 8,
      www: version.base + 9,
    };
    const statsUrl = `http://127.0.0.1:${ports.stats}/stats`;
    let dir = '';
    let agent: Agent | undefined;
    let haproxy: HaproxyHandle | undefined;
    let page: StatsHtmlRow[] = [];
    let csv: Awaited<ReturnType<typeof fetchStats>> = [];

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-html-'));
      const configPath = path.join(dir, 'haproxy.cfg');
      writeFileSync(configPath, pageConfig(ports));
      agent = await startAgent({ name: 'web', port: ports.web });
      haproxy = await startHaproxy({ configPath, bin: version.bin });
      await waitForStatus(() => fetchStats(statsUrl), 'be_web', 'web1', 'UP');
      for (let i = 0; i < REQUESTS; i++) {
        await requestThroughFrontend(`http://127.0.0.1:${ports.www}/`, 'web.test');
      }
      csv = await fetchStats(statsUrl);
      page = readStatsHtml(await (await fetch(statsUrl)).text());
    }, 20_000);

    afterAll(async () => {
      await haproxy?.stop();
      await agent?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const row = (proxy: string, name: string) => {
      const found = page.find((r) => r.proxy === proxy && r.name === name);
      if (!found) throw new Error(`no row ${proxy}/${name} in ${page.map((r) => `${r.proxy}/${r.name}`)}`);
      return found;
    };

    test('every proxy and row, in page order, of the kind its class says', () => {
      expect(page.map((r) => [r.proxy, r.name, r.kind])).toEqual([
        ['stats', 'Frontend', 'frontend'],
        ['www', 'Frontend', 'frontend'],
        ['www', 'sock-1', 'listener'],
        ['be_web', 'web1', 'server'],
        ['be_web', 'web2', 'server'],
        ['be_web', 'web3', 'server'],
        ['be_web', 'Backend', 'backend'],
      ]);
      expect(page.map((r) => r.rowClass).slice(3)).toEqual([
        'active_up',
        'backup_no_check',
        'maintain',
        'backend',
      ]);
    });

    test('a server: limits, weight, state, check and its tooltips', () => {
      const web1 = row('be_web', 'web1');
      expect(web1.queue).toEqual({ cur: '0', max: '0', limit: '5' });
      expect(web1.sessions).toMatchObject({ limit: '20', total: String(REQUESTS), lbtot: String(REQUESTS) });
      expect(htmlAgeSec(web1.sessions.last)).toBeLessThan(10);
      expect(web1.server).toMatchObject({ wght: '3/3', act: 'Y', bck: '-', chk: '0', dwn: '0', thrtle: '-' });
      expect(web1.server.status).toMatch(/^\d+s UP$/);
      expect(web1.server.lastChk).toMatch(/^L7OK\/200 in \d+ms$/);
      expect(web1.tips).toMatchObject({
        name: expect.stringContaining(`IPv4: 127.0.0.1:${ports.web}, id: 1`),
        requests: String(REQUESTS),
        responses: { '1xx': '0', '2xx': String(REQUESTS), '3xx': '0', '4xx': '0', '5xx': '0', other: '0' },
        aborts: { client: '0', server: '0' },
        check: 'Layer7 check passed',
        requestRate: null,
      });
      expect(web1.tips.times!.total).toMatch(/^\d+ \/ \d+$/);
      const csvRow = findRow(csv, 'be_web', 'web1')!;
      expect(web1.bytes).toEqual({ in: csvRow.bin, out: csvRow.bout });
      expect(htmlAverage(web1.tips.times!.response)).toBe(Number(csvRow.rtime));
    });

    test('a backup never used, a server in MAINT, and the backend', () => {
      const web2 = row('be_web', 'web2');
      expect(web2.server).toMatchObject({
        status: 'no check',
        act: '-',
        bck: 'Y',
        chk: '',
        dwn: '',
        dwntme: '',
      });
      expect(web2.sessions).toMatchObject({ total: '0', lbtot: '0', last: '?' }); // "?": lastsess -1, never
      expect(htmlAgeSec(web2.sessions.last)).toBeNull();
      expect(web2.queue.limit).toBe('-');
      expect(row('be_web', 'web3').server.status).toMatch(/^\d+s MAINT$/);
      const backend = row('be_web', 'Backend');
      expect(backend.tips.name).toBe('balancing: roundrobin');
      expect(backend.tips.requests).toBe(String(REQUESTS));
      expect(backend.server).toMatchObject({ wght: '3/3', act: '1', bck: '1', dwntme: '0s' });
      expect(backend.server.status).toMatch(/^\d+s UP$/);
    });

    test('the frontend and its listener: limits, request rate, responses by class', () => {
      const www = row('www', 'Frontend');
      expect(www.sessions).toMatchObject({ limit: '200', total: String(REQUESTS), lbtot: '', last: '' });
      expect(www.sessionRate.limit).toBe('-'); // no rate-limit sessions
      expect(www.server.status).toBe('OPEN');
      expect(htmlNumber(www.tips.requestRate!.max)).toBeGreaterThanOrEqual(1);
      expect(www.tips.requests).toBe(String(REQUESTS));
      expect(www.tips.responses).toMatchObject({ '2xx': String(REQUESTS), '5xx': '0' });
      const listener = row('www', 'sock-1');
      expect(listener.tips.name).toContain(`IPv4: 127.0.0.1:${ports.www}`);
      expect(listener.sessions.total).toBe(String(REQUESTS));
      expect(listener.bytes).toEqual(www.bytes);
    });
  });
}

function pageConfig(ports: { web: number; closed: number; stats: number; www: number }): string {
  return `global
    maxconn 100

defaults
    mode http
    timeout connect 1s
    timeout client 5s
    timeout server 5s

frontend stats
    bind 127.0.0.1:${ports.stats}
    stats enable
    stats uri /stats
    stats show-legends

frontend www
    bind 127.0.0.1:${ports.www}
    option socket-stats
    maxconn 200
    default_backend be_web

backend be_web
    balance roundrobin
    option httpchk
    http-check send meth HEAD uri / ver HTTP/1.1 hdr Host web.test
    server web1 127.0.0.1:${ports.web} check inter 1s weight 3 maxqueue 5 maxconn 20
    server web2 127.0.0.1:${ports.closed} backup
    server web3 127.0.0.1:${ports.web} check disabled
`;
}

describe('the page text', () => {
  const page = (cells: string) =>
    readStatsHtml(
      `<table class="tbl"><tr class="titre"><th class="pxname"><a name="px"></a>px &amp; co<div class=tips>cap: backend</div></th></tr></table>` +
        `<table class="tbl"><tr class="titre"><th rowspan=2></th><th colspan=2>Bytes</th><th colspan=2>Server</th></tr>` +
        `<tr class="titre"><th>In</th><th>Out</th><th>Status</th><th>Thrtle</th></tr>` +
        `<tr class="active_up"><td class=ac>s&lt;1&gt;</td>${cells}</tr></table><p>`,
    )[0]!;

  test('thousands come in spans, tooltips stay out of the cell, entities are decoded', () => {
    const row = page(
      `<td><span class="rls">1</span><span class="rls">234</span>567<div class=tips><table class=det>` +
        `<tr><th>- Response&nbsp;bytes:</th><td>9</td></tr></table></div></td><td colspan=2>&nbsp;</td><td>5 %</td>`,
    );
    expect(row).toMatchObject({ proxy: 'px & co', name: 's<1>', kind: 'server' });
    expect(row.bytes).toEqual({ in: '1234567', out: '' });
    expect(row.server).toMatchObject({ status: '', thrtle: '5 %' });
    expect(row.tooltips['Bytes In']).toEqual({ 'Response bytes': '9' });
  });

  test.each([
    ['0', 0],
    ['1 234', 1234],
    ['7 %', 7],
    ['2/s', 2],
    ['-', null],
    ['', null],
    ['Y', null],
  ])('htmlNumber(%j) = %j', (text, expected) => {
    expect(htmlNumber(text)).toBe(expected);
  });

  test.each([
    ['0s', 0],
    ['59s', 59],
    ['1m', 60],
    ['1m5s', 65],
    ['2h3m', 7_380],
    ['1d4h', 100_800],
    ['12s UP', 12],
    ['3m2s MAINT (via x/y)', 182],
    ['?', null],
    ['', null],
    ['no check', null],
  ])('htmlAgeSec(%j) = %j', (text, expected) => {
    expect(htmlAgeSec(text)).toBe(expected);
  });

  test('a times tooltip shows max / avg: the average is the second', () => {
    expect(htmlAverage('153 / 151')).toBe(151);
    expect(htmlAverage('')).toBeNull();
  });
});
