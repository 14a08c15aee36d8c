import { expect, test } from 'vitest';
import { hostsFromMatch, mapBackendsToRoutes } from './backend-routes';

test.each([
  ['Host(`code.example.com`)', ['code.example.com']],
  ['Host(`a.example.com`, `b.example.com`) && PathPrefix(`/api`)', ['a.example.com', 'b.example.com']],
  ['Host(`a.example.com`) || Host("b.example.com")', ['a.example.com', 'b.example.com']],
  ['PathPrefix(`/`)', []],
  ['HostRegexp(`{sub:[a-z]+}.example.com`)', []],
])('hosts of %s', (match, hosts) => {
  expect(hostsFromMatch(match)).toEqual(hosts);
});

test('backends map to the routes serving their health-check host; unknown hosts map to none', () => {
  const routes = [
    { namespace: 'apps', name: 'code', group: 'traefik.io', hosts: ['code.example.com'] },
    { namespace: 'legacy', name: 'code-old', group: 'traefik.containo.us', hosts: ['Code.Example.com'] },
    { namespace: 'apps', name: 'grafana', group: 'traefik.io', hosts: ['grafana.example.com'] },
  ];
  const hosts = new Map([
    ['codeserver_backend', 'code.example.com'],
    ['api_backend', 'api.example.com'],
  ]);
  expect(mapBackendsToRoutes(hosts, routes)).toEqual([
    { backend: 'codeserver_backend', host: 'code.example.com', routes: ['apps/code', 'legacy/code-old'] },
    { backend: 'api_backend', host: 'api.example.com', routes: [] },
  ]);
});
