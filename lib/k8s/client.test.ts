import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { kubeconfig } from '@/e2e/harness/fake-k8s';
import { loadKubeConfig } from './client';
import { connectK8s } from './index';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-kc-'));
const emptyHome = path.join(dir, 'home-empty');
const fullHome = path.join(dir, 'home-full');
mkdirSync(path.join(fullHome, '.kube'), { recursive: true });
writeFileSync(path.join(fullHome, '.kube', 'config'), kubeconfig('http://127.0.0.1:1'));
const file = path.join(dir, 'kubeconfig');
writeFileSync(file, kubeconfig('http://127.0.0.1:2'));
const noCluster = path.join(dir, 'no-cluster');
writeFileSync(noCluster, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
const missingToken = path.join(dir, 'no-token');

const load = (kubeconfig: string | null, homeDir: string, env: Record<string, string> = {}) =>
  loadKubeConfig({ kubeconfig, env, homeDir, tokenFile: missingToken });

test.each([
  ['KUBECONFIG wins', file, fullHome, 'loaded', 'http://127.0.0.1:2'],
  [
    'first existing file of a KUBECONFIG list',
    `${path.join(dir, 'nope')}${path.delimiter}${file}`,
    emptyHome,
    'loaded',
    'http://127.0.0.1:2',
  ],
  ['~/.kube/config', null, fullHome, 'loaded', 'http://127.0.0.1:1'],
  ['nothing at all (no silent localhost:8080)', null, emptyHome, 'none', null],
  ['KUBECONFIG naming a missing file', path.join(dir, 'nope'), fullHome, 'invalid', null],
  ['a kubeconfig without a current cluster', noCluster, emptyHome, 'invalid', null],
])('%s', (_case, kubeconfigPath, home, kind, server) => {
  const result = load(kubeconfigPath, home, { KUBERNETES_SERVICE_HOST: '10.43.0.1' });
  expect(result.kind).toBe(kind);
  if (result.kind === 'loaded') expect(result.kc.getCurrentCluster()?.server).toBe(server);
});

test.each([
  ['false', file, { enabled: false, ok: false, error: null }],
  ['auto', null, { enabled: false, ok: false, error: null }],
  ['true', null, { enabled: true, ok: false, error: expect.stringMatching(/^no cluster configured/) }],
  [
    'auto',
    path.join(dir, 'nope'),
    { enabled: true, ok: false, error: expect.stringMatching(/no existing file/) },
  ],
] as const)('K8S_ENABLED=%s with KUBECONFIG=%s', (k8sEnabled, kubeconfigPath, status) => {
  const connection = connectK8s({ k8sEnabled, kubeconfig: kubeconfigPath }, { HOME: emptyHome });
  expect(connection.source).toBeNull();
  expect(connection.status()).toEqual(status);
});
