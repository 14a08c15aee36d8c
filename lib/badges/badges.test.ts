import { describe, expect, test } from 'vitest';
import type { Backend, Server } from '@/lib/health/types';
import { backendBadge, serverBadge, uptimeBadge } from './badge-content';
import { parseBadgeRequest } from './badge-request';
import { escapeXml, renderBadge } from './badge-svg';
import { textWidth } from './text-width';

describe('renderBadge', () => {
  test('escapes names so a hostile server name cannot break out of the SVG', () => {
    const svg = renderBadge({ label: '<script>alert(1)</script>', message: 'a & "b"', color: '#2e7d32' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('a &amp; &quot;b&quot;');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  test('the width grows with the text, and both halves hold their text', () => {
    const short = renderBadge({ label: 'agent1', message: 'up', color: '#000' });
    const long = renderBadge({ label: 'agent1', message: 'down, recovering (DOWN 1/3)', color: '#000' });
    const width = (svg: string) => Number(/width="(\d+)"/.exec(svg)![1]);
    expect(width(long) - width(short)).toBe(textWidth('down, recovering (DOWN 1/3)') - textWidth('up'));
  });

  test('control characters are removed and very long names clipped', () => {
    const svg = renderBadge({ label: `a\u0007b`, message: 'x'.repeat(200), color: '#000' });
    expect(svg).toContain('a b');
    expect(svg).toContain('…');
    expect(svg).not.toContain('x'.repeat(64));
  });

  test('a sparkline draws one polyline per run between gaps', () => {
    const svg = renderBadge({
      label: 'latency',
      message: '12 ms',
      color: '#000',
      sparkline: [1, 2, null, 3, 4, 5],
    });
    expect(svg.match(/<polyline/g)).toHaveLength(2);
  });

  test.each([
    ['&', '&amp;'],
    ["'", '&apos;'],
  ])('escapeXml(%s)', (input, output) => expect(escapeXml(input)).toBe(output));
});

describe('badge content', () => {
  const server = (
    status: Server['status'],
    transition: Server['transition'] = null,
    statusText: string = status,
  ) => ({ status, transition, statusText }) as Server;
  test.each([
    [server('UP'), 'up', '#2e7d32'],
    [server('UP', 'going-down', 'UP 1/3'), 'failing checks (UP 1/3)', '#b26a00'],
    [server('DOWN'), 'down', '#c62828'],
    [server('DOWN', 'going-up', 'DOWN 1/3'), 'down, recovering (DOWN 1/3)', '#c62828'],
    [server('MAINT'), 'maintenance', '#4f6b8a'],
    [server('DRAIN'), 'draining', '#4f6b8a'],
    [server('NOCHECK'), 'up (no check)', '#2e7d32'],
  ])('server %j → %s', (s, message, color) => {
    expect(serverBadge('agent1', s)).toEqual({ label: 'agent1', message, color });
  });

  test.each([
    [{ noUsableServer: true }, 'down: no usable server'],
    [{ servingFromBackup: true, backupUp: 2, backupTotal: 2 }, 'backup only (2/2)'],
    [{ activeUp: 1, activeTotal: 2 }, 'up 1/2'],
  ])('backend %j → %s', (fields, message) => {
    const backend = {
      noUsableServer: false,
      servingFromBackup: false,
      activeUp: 1,
      activeTotal: 1,
      ...fields,
    } as Backend;
    expect(backendBadge('code', backend).message).toBe(message);
  });

  test.each([
    [100, '100%'],
    [99.953, '99.95%'],
    [97.24, '97.2%'],
    [99.996, '99.99%'],
    [98.96, '98.9%'],
    [null, 'no data'],
  ])('uptime %s → %s', (pct, message) => expect(uptimeBadge('code', pct, '7d').message).toBe(message));
});

describe('parseBadgeRequest', () => {
  const parse = (path: string, query = '') => parseBadgeRequest(path.split('/'), new URLSearchParams(query));

  test('a label is at most 100 characters', () => {
    expect(parse('server/eu/web/a1.svg', `label=${'x'.repeat(100)}`).ok).toBe(true);
    expect(parse('server/eu/web/a1.svg', `label=${'x'.repeat(101)}`)).toEqual({
      ok: false,
      status: 400,
      message: 'label: must be at most 100 characters',
    });
  });
  test.each([
    [
      'server/main/code/agent1.svg',
      '',
      {
        kind: 'status',
        target: { type: 'server', instance: 'main', backend: 'code', server: 'agent1' },
        label: null,
      },
    ],
    [
      'backend/main/code.svg',
      'label=Code',
      { kind: 'status', target: { type: 'backend', instance: 'main', backend: 'code' }, label: 'Code' },
    ],
    ['pool/pool-a.svg', '', { kind: 'status', target: { type: 'pool', pool: 'pool-a' }, label: null }],
    [
      'uptime/pool/pool-a.svg',
      'range=7d',
      { kind: 'uptime', target: { type: 'pool', pool: 'pool-a' }, range: '7d', label: null },
    ],
    [
      'sparkline/server/m/b/s.svg',
      'metric=rate',
      {
        kind: 'sparkline',
        target: { type: 'server', instance: 'm', backend: 'b', server: 's' },
        metric: 'rate',
        range: '1h',
        label: null,
      },
    ],
  ])('%s?%s', (path, query, request) => {
    expect(parse(path, query)).toEqual({ ok: true, request });
  });

  test.each([
    ['server/main/code.svg', '', 404],
    ['server/main/code/agent1', '', 404],
    ['uptime/server/a/b/c.svg', 'range=1y', 400],
    ['sparkline/backend/a/b.svg', '', 404],
    ['sparkline/server/a/b/c.svg', 'metric=cpu', 400],
    ['nothing.svg', '', 404],
  ])('%s?%s → %i', (path, query, status) => {
    expect(parse(path, query)).toMatchObject({ ok: false, status });
  });

  test('a bad range names the parameter', () => {
    expect(parse('uptime/server/a/b/c.svg', 'range=1y')).toMatchObject({
      message: 'range: must be one of 1h, 24h, 7d, 30d, got "1y"',
    });
  });
});
