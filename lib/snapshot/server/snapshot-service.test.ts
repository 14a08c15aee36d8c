import { expect, test } from 'vitest';
import type { Identity } from '@/lib/access/identity';
import { SnapshotSchema } from '@/lib/api/schemas/snapshot';
import type { Collector } from '@/lib/collector/collector';
import { initialSourceState } from '@/lib/collector/source-state';
import { parseConfig } from '@/lib/config/parse-config';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { shareReader, signedInViewer } from '@/lib/testing/identities';
import { getSnapshotJson } from './snapshot-service';

const config = parseConfig({ HAPROXY_STATS_URL: 'main=http://h:1/stats,sock=http://h:2/stats' });
const [main, sock] = config.sources.map((source) => ({ ...initialSourceState(source), ok: true }));
main!.backends = [
  syntheticBackend('main', 'api', [syntheticServer('api1'), syntheticServer('api2')]),
  syntheticBackend('main', 'web', [syntheticServer('web1')]),
];
main!.frontends = [];
sock!.backends = [syntheticBackend('sock', 'api', [syntheticServer('api1')])];
const collector = { states: [main!, sock!], generation: 1, config } as unknown as Collector;

const read = (who?: Identity) =>
  SnapshotSchema.parse(JSON.parse(getSnapshotJson({ collector }, 1_000_000, who)));
const names = (who?: Identity) =>
  read(who).backends.map((b) => `${b.instance}/${b.name}: ${b.servers.map((s) => s.name).join(' ')}`);

test('a person reads the whole fleet', () => {
  expect(names(signedInViewer)).toEqual(['main/api: api1 api2', 'main/web: web1', 'sock/api: api1']);
});

test('a share reads its target only, with every instance listed and no frontends', () => {
  expect(names(shareReader('server', 'main/api/api2'))).toEqual(['main/api: api2']);
  expect(names(shareReader('backend', 'main/api'))).toEqual(['main/api: api1 api2']);
  expect(names(shareReader('backend', 'pool:pool-a'))).toEqual([]);
  expect(names(shareReader('*', '*'))).toEqual(['main/api: api1 api2', 'main/web: web1', 'sock/api: api1']);
  const snapshot = read(shareReader('server', 'main/api/api2'));
  expect(snapshot.instances.map((i) => i.name)).toEqual(['main', 'sock']);
  expect(snapshot.frontends).toEqual([]);
});

test('a new poll is seen by the next share read', () => {
  expect(names(shareReader('backend', 'main/web'))).toEqual(['main/web: web1']);
  main!.backends = [syntheticBackend('main', 'web', [syntheticServer('web1'), syntheticServer('web2')])];
  expect(names(shareReader('backend', 'main/web'))).toEqual(['main/web: web1']); // the same poll: memoised
  (collector as { generation: number }).generation = 2;
  expect(names(shareReader('backend', 'main/web'))).toEqual(['main/web: web1 web2']);
});
