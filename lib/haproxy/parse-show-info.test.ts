import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseShowInfo, parseStatsPageInfo } from './parse-show-info';
import { StatsParseError } from './types';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/haproxy-csv');
const HAVE_FIXTURES = existsSync(FIXTURES);

describe.skipIf(!HAVE_FIXTURES)(`show info fixtures (${FIXTURES}; skipped when the folder is absent)`, () => {
  test.each([
    [
      'haproxy-2.5.5-show-info.txt',
      { version: '2.5.5-384c5c5', pid: 8, uptimeSec: 54, nodeName: 'caf3d1af2d97' },
    ],
    [
      'haproxy-2.6.12-show-info.txt',
      { version: '2.6.12-1+deb12u4', pid: 16687, uptimeSec: 10, nodeName: 'vm' },
    ],
    ['haproxy-3.4.0-show-info.txt', { version: '3.4.0-64a335366', pid: 16275, uptimeSec: 8, nodeName: 'vm' }],
  ])('%s', (file, expected) => {
    expect(parseShowInfo(readFileSync(path.join(FIXTURES, file), 'utf8'))).toEqual(expected);
  });
});

describe('parseShowInfo', () => {
  test.each([
    [
      'CRLF lines and a trailing empty line',
      'Name: HAProxy\r\nVersion: 2.8.5\r\nPid: 7\r\nUptime_sec: 3\r\n\r\n',
      3,
    ],
    [
      'only the Uptime text (days count)',
      'Name: HAProxy\nVersion: 2.8.5\nPid: 7\nUptime: 2d 3h04m05s\n',
      183_845,
    ],
    ['no uptime at all', 'Name: HAProxy\nVersion: 2.8.5\nPid: 7\n', null],
  ])('%s', (_, text, uptimeSec) => {
    expect(parseShowInfo(text)).toEqual({ version: '2.8.5', pid: 7, uptimeSec, nodeName: null });
  });

  test.each([
    ['an empty answer', '', /^not "show info" output: empty answer$/],
    ['a refused command', 'Permission denied\n\n', /starts with "Permission denied" \(does the socket allow/],
    ['the stats CSV', '# pxname,svname,\nbe,s1,\n', /starts with "# pxname,svname,/],
  ])('%s → StatsParseError', (_, text, message) => {
    expect(() => parseShowInfo(text)).toThrow(StatsParseError);
    expect(() => parseShowInfo(text)).toThrow(message);
  });
});

// The top of the page HAProxy 2.6.12 served on loopback (stats enable, stats uri /stats).
const PAGE = `<html><head><title>Statistics Report for HAProxy</title>
</style></head>
<body><h1><a href="http://www.haproxy.org/" style="text-decoration: none;">HAProxy version 2.6.12-1+deb12u4, released 2026/10/17</a></h1>
<h2>Statistics Report for pid 5205</h2>
<hr width="100%" class="hr">
<h3>&gt; General process information</h3>
<table border=0><tr><td align="left" nowrap width="1%">
<p><b>pid = </b> 5205 (process #1, nbproc = 1, nbthread = 2)<br>
<b>uptime = </b> 0d 0h00m07s<br>
<b>system limits:</b> memmax = unlimited; ulimit-n = 544<br>`;

// The same with `stats show-node`, `stats show-desc "a<b>&c"` (not escaped by HAProxy) and `stats hide-version`.
const PAGE_NODE_NO_VERSION = `<body><h1><a href="http://www.haproxy.org/" style="text-decoration: none;">HAProxy</a></h1>
<h2>Statistics Report for pid 5464 on lb-eu-1: a<b>&c</h2>
<hr width="100%" class="hr">
<h3>&gt; General process information</h3>
<table border=0><tr><td align="left" nowrap width="1%">
<p><b>pid = </b> 5464 (process #1, nbproc = 1, nbthread = 2)<br>
<b>uptime = </b> 1d 2h03m04s<br>`;

// The top of the page HAProxy 3.4.0 served with the same settings: no version in the title, only the branch.
const PAGE_34 = `<body><h1><a href="http://www.haproxy.org/" style="text-decoration: none;">HAProxy</a></h1>
<h2>Statistics Report for pid 21814</h2>
<hr width="100%" class="hr">
<h3>&gt; General process information</h3>
<table border=0><tr><td align="left" nowrap width="1%">
<p><b>pid = </b> 21814 (process #1, nbproc = 1, nbthread = 2)<br>
<b>uptime = </b> 0d 0h00m01s; warnings = 3<br>
<li><a href="http://www.haproxy.org/">Primary site</a><br>
<li><a href="http://www.haproxy.org/#down">Updates (v3.4)</a><br>`;

describe('parseStatsPageInfo', () => {
  test.each([
    ['the default page', PAGE, { version: '2.6.12-1+deb12u4', pid: 5205, uptimeSec: 7 }],
    ['3.4: only the branch is shown', PAGE_34, { version: '3.4', pid: 21814, uptimeSec: 1 }],
    [
      'show-node, show-desc, hide-version',
      PAGE_NODE_NO_VERSION,
      { pid: 5464, uptimeSec: 93_784, nodeName: 'lb-eu-1' },
    ],
    ['a page that is not the stats page', '<html><body>Welcome to nginx!</body></html>', {}],
  ])('%s', (_, html, expected) => {
    expect(parseStatsPageInfo(html)).toEqual(expected);
  });
});
