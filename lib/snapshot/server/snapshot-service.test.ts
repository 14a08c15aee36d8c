import { expect, test } from 'vitest';
import type { Identity } from '@/lib/access/identity';
import { SnapshotSchema } from '@/lib/api/schemas/snapshot';
import type { Collector } from '@/lib/collector/collector';
import { initialSourceState } from '@/lib/collector/source-state';
import { parseConfig } from '@/lib/config/parse-config';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { shareReader, signedInViewer } from '@/lib/testing/identities';
import { getSnapshotJson, snapshotResponse } from './snapshot-service';
import { SnapshotLog } from './snapshot-log';

const config = parseConfig({ HAPROXY_STATS_URL: 'main=http://h:1/stats,sock=http://h:2/stats' });
const [main, sock] = config.sources.map((source) => ({ ...initialSourceState(source), ok: true }));
main!.backends = [
  syntheticBackend('main', 'api', [syntheticServer('api1'), syntheticServer('api2')]),
  syntheticBackend('main', 'web', [syntheticServer('web1')]),
];
main!.frontends = [];
sock!.backends = [syntheticBackend('sock', 'api', [syntheticServer('api1')])];
const collector = {
  states: [main!, sock!],
  generation: 1,
  config,
  onPoll: () => () => {},
} as unknown as Collector;

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

const snapshotLog = new SnapshotLog(collector, () => 1_000_000);
const answer = async (who: Identity, headers: Record<string, string> = {}) => {
  const res = await snapshotResponse(
    { collector, snapshotLog },
    new Request('http://h/api/v1/snapshot', { headers }),
    1_000_000,
    who,
  );
  return {
    res,
    names:
      res.status === 200
        ? SnapshotSchema.parse(await res.json()).backends.map((b) => b.servers.map((s) => s.name).join(' '))
        : [],
  };
};

test('one poll is one answer per view: the same tag, 304 to a tab that holds it, a new tag after the next poll', async () => {
  const first = await answer(shareReader('backend', 'main/web'));
  expect(first.names).toEqual(['web1']);
  const etag = first.res.headers.get('etag')!;
  expect(etag).toMatch(/^W\/"/);
  main!.backends = [syntheticBackend('main', 'web', [syntheticServer('web1'), syntheticServer('web2')])];
  const again = await answer(shareReader('backend', 'main/web'), { 'if-none-match': etag });
  expect(again.res.status).toBe(304); // the same poll: the data the tab holds
  expect((await answer(signedInViewer, { 'if-none-match': etag })).res.status).toBe(200); // another view, another tag
  (collector as { generation: number }).generation = 2;
  const next = await answer(shareReader('backend', 'main/web'), { 'if-none-match': etag });
  expect(next.res.status).toBe(200);
  expect(next.names).toEqual(['web1 web2']);
  expect(next.res.headers.get('etag')).not.toBe(etag);
});

test("the answer says the server's clock at the request, apart from when the body was built", async () => {
  const { res } = await answer(signedInViewer);
  expect(res.headers.get('x-hapscope-now')).toBe(new Date(1_000_000).toISOString());
});

test('a viewer of everything is told the stream id to follow from; a share link, whose part has no stream, is not', async () => {
  const { res } = await answer(signedInViewer);
  expect(res.headers.get('x-hapscope-stream-id')).toMatch(/^[\w-]+\.\d+$/);
  const shared = await answer(shareReader('backend', 'main/web'));
  expect(shared.res.headers.get('x-hapscope-stream-id')).toBeNull();
});
