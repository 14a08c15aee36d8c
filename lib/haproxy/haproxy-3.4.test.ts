/**
 * HAProxy 3.4 LTS as a first-class source: its real captures (stats page over HTTP and the runtime socket, 140
 * columns against 2.6's 128) map to the same domain model. Expected values are read off the capture by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseStatsCsv } from './parse-csv';
import { toBackends } from './to-backends';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/haproxy-csv');

describe.skipIf(!existsSync(FIXTURES))(`HAProxy 3.4.0 captures (${FIXTURES})`, () => {
  test.each(['haproxy-3.4.0-http.csv', 'haproxy-3.4.0-show-stat.csv'])(
    '%s: every server as 2.6 would show it',
    (file) => {
      const backends = toBackends(parseStatsCsv(readFileSync(path.join(FIXTURES, file), 'utf8')), 'lb');
      const view = backends.map((b) => ({
        name: b.name,
        status: b.status,
        servers: b.servers.map((s) => [s.name, s.status, s.check.status, s.check.code, s.address]),
      }));
      expect(view).toEqual([
        {
          name: 'codeserver_backend',
          status: 'UP',
          servers: [
            ['agent1', 'UP', 'L7OK', 200, '127.0.1.11:26604'],
            ['agent2', 'UP', 'L7OK', 200, '127.0.1.14:26604'],
            ['agent3', 'UP', 'L7OK', 200, '127.0.1.17:26604'],
          ],
        },
        {
          name: 'grafana_backend',
          status: 'UP',
          servers: [
            ['agent1', 'DOWN', 'L7STS', 503, '127.0.1.12:26604'],
            ['agent2', 'UP', 'L7OK', 200, '127.0.1.15:26604'],
            ['agent3', 'UP', 'L7OK', 200, '127.0.1.18:26604'],
          ],
        },
        {
          name: 'wiki_backend',
          status: 'UP',
          servers: [
            ['agent1', 'UP', 'L7OK', 200, '127.0.1.13:26604'],
            ['agent2', 'MAINT', null, null, '127.0.1.16:26604'],
            ['agent3', 'NOCHECK', null, null, '127.0.1.19:26604'],
          ],
        },
      ]);
      const down = backends[1]!.servers[0]!;
      // The reason phrase arrives CSV-quoted with a comma and quotes inside: read whole.
      expect(down.check).toMatchObject({ description: 'Layer7 wrong status', lastCheck: 'Down, "really"' });
      expect(backends[2]!.servers[1]!.statusText).toBe('MAINT');
      expect(backends[2]!.servers[2]!.statusText).toBe('no check');
    },
  );
});
