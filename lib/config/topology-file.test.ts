import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from './index';
import { parseTopologySettings } from './topology-file';

test.each([
  ['agent1=loc-a-1', { instance: null, backend: null, server: 'agent1', value: 'loc-a-1' }],
  ['web/agent1 = loc-a-1', { instance: null, backend: 'web', server: 'agent1', value: 'loc-a-1' }],
  ['main/web/agent1=loc-a-1', { instance: 'main', backend: 'web', server: 'agent1', value: 'loc-a-1' }],
])('SERVER_OVERRIDES entry %s', (text, rule) => {
  expect(parseTopologySettings({ SERVER_OVERRIDES: text }).serverOverrides).toEqual([rule]);
});

test.each([
  ['SERVER_OVERRIDES', 'agent1'],
  ['SERVER_OVERRIDES', 'agent1='],
  ['STATIC_POOLS', 'a/b/c/d=pool'],
  ['STATIC_POOLS', 'web//x=pool'],
  ['BACKEND_HOSTS', '=code.example.com'],
  ['BACKEND_HOSTS', 'code=a.example.com,code=b.example.com'],
  ['BACKEND_HOSTS', 'code=https://code.example.com'],
  ['BACKEND_HOSTS', 'code=code.example.com:8080'],
])('%s=%s is rejected naming the key', (key, text) => {
  expect(() => parseTopologySettings({ [key]: text })).toThrow(key);
});

test('lists in the config file, the environment wins per key', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-topo-'));
  writeFileSync(
    path.join(dir, 'hapscope.config.yaml'),
    'SERVER_OVERRIDES: [agent1=loc-a-1, agent2=loc-b-1]\nSTATIC_POOLS:\n  - agent1=pool-a\nBACKEND_HOSTS: [code=code.example.com]\n',
  );
  const config = loadConfig({ STATIC_POOLS: 'agent9=pool-z' }, dir).topology;
  expect(config.serverOverrides.map((r) => `${r.server}=${r.value}`)).toEqual([
    'agent1=loc-a-1',
    'agent2=loc-b-1',
  ]);
  expect(config.staticPools.map((r) => `${r.server}=${r.value}`)).toEqual(['agent9=pool-z']);
  expect([...config.backendHosts]).toEqual([['code', 'code.example.com']]);
});
