import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '@/lib/config';
import {
  DEPLOY_DIR,
  kustomize,
  kustomizeMajorVersion,
  only,
  type Claim,
  type ClusterRole,
  type ClusterRoleBinding,
  type ConfigMap,
  type Container,
  type Deployment,
  type K8sObject,
  type Rule,
  type Service,
} from './kustomize';

/** What lib/k8s/k8s-source.ts (resourceSpecs) lists and watches, each through a ListWatch: [API group, resource]. */
const TOPOLOGY_READS = [
  ['', 'nodes'], // listNode
  ['', 'pods'], // listPodForAllNamespaces (svclb), listNamespacedPod in kube-system (Traefik)
  ['', 'services'], // listServiceForAllNamespaces (lbpool Services)
  ['traefik.io', 'ingressroutes'], // listClusterCustomObject, TRAEFIK_GROUPS
  ['traefik.containo.us', 'ingressroutes'],
];
const READ_VERBS = ['get', 'list', 'watch'];
const CLUSTER_SCOPED = ['Namespace', 'ClusterRole', 'ClusterRoleBinding'];

const grants = (rules: Rule[]) =>
  rules
    .flatMap((r) =>
      r.apiGroups.flatMap((g) => r.resources.flatMap((res) => r.verbs.map((v) => `${g}/${res} ${v}`))),
    )
    .sort();

const hapscope = (deployment: Deployment) =>
  deployment.spec.template.spec.containers.find((c) => c.name === 'hapscope')!;
const envValue = (container: Container, name: string) => container.env.find((e) => e.name === name);

/**
 * The configuration hapscope reads in the pod: the ConfigMap's file where the pod mounts it, the container's literal
 * environment, and `secrets` for what the pod takes from Secrets.
 */
function podConfig(
  objects: K8sObject[],
  deployment: Deployment,
  container: Container,
  secrets: Record<string, string> = {},
) {
  const configMap = deployment.spec.template.spec.volumes.find((v) => v.name === 'config')?.configMap;
  const file = only<ConfigMap>(objects, 'ConfigMap', configMap?.name).data['hapscope.config.yaml']!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-deploy-'));
  try {
    writeFileSync(path.join(dir, 'hapscope.config.yaml'), file);
    const env = Object.fromEntries(
      container.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value]),
    );
    const config = loadConfig(
      { ...env, ...secrets, HAPSCOPE_CONFIG: path.join(dir, 'hapscope.config.yaml') },
      dir,
    );
    return { env, config };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(() => {
  expect(kustomizeMajorVersion(), 'kubectl must carry kustomize 5 or later').toBeGreaterThanOrEqual(5);
});

test('the base renders on its own, with no history store (that is an overlay)', () => {
  const base = kustomize('base');
  expect(base.map((o) => o.kind).sort()).toEqual([
    'ClusterRole',
    'ClusterRoleBinding',
    'ConfigMap',
    'Deployment',
    'Namespace',
    'Service',
    'ServiceAccount',
  ]);
  const container = hapscope(only<Deployment>(base, 'Deployment'));
  expect(envValue(container, 'DATA_DIR')).toBeUndefined();
});

test("an overlay of one's own in another namespace takes the service account's binding along", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-overlay-'));
  try {
    const sqlite = path.relative(dir, path.join(DEPLOY_DIR, 'overlays/sqlite'));
    writeFileSync(path.join(dir, 'kustomization.yaml'), `namespace: observability\nresources: [${sqlite}]\n`);
    const objects = kustomize(dir);
    expect(only<ClusterRoleBinding>(objects, 'ClusterRoleBinding').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'hapscope', namespace: 'observability' },
    ]);
    expect(only(objects, 'ServiceAccount').metadata.namespace).toBe('observability');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('overlays/sqlite, the default', () => {
  let objects: K8sObject[];
  let deployment: Deployment;
  let container: Container;
  beforeAll(() => {
    objects = kustomize('overlays/sqlite');
    deployment = only<Deployment>(objects, 'Deployment', 'hapscope');
    container = hapscope(deployment);
  });

  test('every namespaced object lands in the hapscope namespace', () => {
    const namespaced = objects.filter((o) => !CLUSTER_SCOPED.includes(o.kind));
    expect(namespaced.map((o) => `${o.kind}/${o.metadata.name} in ${o.metadata.namespace}`)).toEqual(
      namespaced.map((o) => `${o.kind}/${o.metadata.name} in hapscope`),
    );
    expect(only(objects, 'Namespace').metadata.name).toBe('hapscope');
  });

  test('the ClusterRole grants get/list/watch on exactly what lib/k8s reads, nothing else', () => {
    const roles = objects.filter((o) => o.kind === 'ClusterRole' || o.kind === 'Role');
    expect(roles.map((r) => r.metadata.name)).toEqual(['hapscope-read-topology']);
    const { rules } = roles[0] as ClusterRole;
    for (const rule of rules) expect(Object.keys(rule).sort()).toEqual(['apiGroups', 'resources', 'verbs']);
    const expected = TOPOLOGY_READS.flatMap(([group, resource]) =>
      READ_VERBS.map((v) => `${group}/${resource} ${v}`),
    );
    expect(grants(rules)).toEqual(expected.sort());
  });

  test('the ClusterRoleBinding gives that role to the service account the pod runs as', () => {
    const binding = only<ClusterRoleBinding>(objects, 'ClusterRoleBinding');
    expect(binding.roleRef).toMatchObject({ kind: 'ClusterRole', name: 'hapscope-read-topology' });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'hapscope', namespace: 'hapscope' }]);
    expect(deployment.spec.template.spec.serviceAccountName).toBe('hapscope');
    expect(only(objects, 'ServiceAccount').metadata).toMatchObject({
      name: 'hapscope',
      namespace: 'hapscope',
    });
  });

  test('every probe asks /api/v1/health on the port the server listens on, on all addresses', () => {
    const port = (p: string | number) =>
      typeof p === 'number' ? p : container.ports.find((cp) => cp.name === p)?.containerPort;
    for (const probe of [container.startupProbe, container.readinessProbe, container.livenessProbe]) {
      // An HTTP probe reads the status only: 200 even with `ok: false` (a store or Kubernetes fault).
      expect(probe?.exec).toBeUndefined();
      expect(probe?.httpGet?.path).toBe('/api/v1/health');
      expect(port(probe!.httpGet!.port)).toBe(3000);
    }
    expect(envValue(container, 'PORT')?.value).toBe('3000');
    expect(envValue(container, 'HOSTNAME')?.value).toBe('0.0.0.0');
    const service = only<Service>(objects, 'Service', 'hapscope');
    expect(service.spec.ports.map((p) => [p.port, port(p.targetPort)])).toEqual([[80, 3000]]);
  });

  test('one replica, replaced with Recreate, its history on a PersistentVolumeClaim at DATA_DIR', () => {
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    expect(envValue(container, 'DATA_DIR')?.value).toBe('/data');
    const mount = container.volumeMounts.find((m) => m.mountPath === '/data');
    const volume = deployment.spec.template.spec.volumes.find((v) => v.name === mount?.name);
    expect(volume?.persistentVolumeClaim?.claimName).toBe('hapscope-data');
    expect(only<Claim>(objects, 'PersistentVolumeClaim', 'hapscope-data').spec.accessModes).toEqual([
      'ReadWriteOnce',
    ]);
  });

  test('runs as a non-root user on a read-only root filesystem, writing to its volumes only', () => {
    expect(deployment.spec.template.spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      fsGroup: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    const writable = container.volumeMounts.filter((m) => !m.readOnly).map((m) => m.mountPath);
    expect(writable.sort()).toEqual(['/data', '/tmp']);
    expect(only(objects, 'Namespace').metadata.labels).toEqual({
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
  });

  test('the admin password comes from a Secret, and no Secret is in the manifests', () => {
    expect(envValue(container, 'HAPSCOPE_ADMIN_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({
      name: 'hapscope-admin',
      key: 'password',
      optional: true,
    });
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  test('hapscope accepts the pod configuration: the ConfigMap file and the literal environment', () => {
    const { env, config } = podConfig(objects, deployment, container);
    expect(env.HAPSCOPE_CONFIG).toBe('/etc/hapscope/hapscope.config.yaml');
    expect(config).toMatchObject({ dataDir: '/data', port: 3000, k8sEnabled: 'true' });
    // /metrics stays behind a token: Prometheus's Secret (deploy/prometheus) is what lets it in.
    expect(config.auth).toMatchObject({ mode: 'local', metricsPublic: false });
  });

  test("Prometheus's scrape job reaches the rendered Service with the token from its Secret", () => {
    const file = readFileSync(path.join(DEPLOY_DIR, 'prometheus/scrape-hapscope.yaml'), 'utf8');
    const scrape = parseYaml(file) as { scrape_configs: unknown };
    expect(scrape.scrape_configs).toMatchObject([
      {
        metrics_path: '/metrics',
        authorization: {
          type: 'Bearer',
          credentials_file: '/etc/prometheus/secrets/hapscope-metrics-token/token',
        },
        static_configs: [{ targets: ['hapscope.hapscope.svc:80'] }],
      },
    ]);
    const service = only<Service>(objects, 'Service', 'hapscope');
    expect([service.metadata.namespace, service.spec.ports[0]?.port]).toEqual(['hapscope', 80]);
  });
});

describe('overlays/postgres, several replicas on one PostgreSQL', () => {
  let objects: K8sObject[];
  let deployment: Deployment;
  let container: Container;
  beforeAll(() => {
    objects = kustomize('overlays/postgres');
    deployment = only<Deployment>(objects, 'Deployment', 'hapscope');
    container = hapscope(deployment);
  });

  test('two replicas, rolled one at a time, spread over nodes, one kept through a drain', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
    });
    const spread = (
      deployment.spec.template.spec as { topologySpreadConstraints?: { topologyKey: string }[] }
    ).topologySpreadConstraints;
    expect(spread?.map((c) => c.topologyKey)).toEqual(['kubernetes.io/hostname']);
    const budget = only<K8sObject & { spec: { minAvailable: number; selector: unknown } }>(
      objects,
      'PodDisruptionBudget',
    );
    expect(budget.metadata.namespace).toBe('hapscope');
    expect(budget.spec).toEqual({
      minAvailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'hapscope' } },
    });
  });

  test('DATABASE_URL comes from a Secret, which is not in the manifests; no volume, nothing written but /tmp', () => {
    expect(envValue(container, 'DATABASE_URL')).toEqual({
      name: 'DATABASE_URL',
      valueFrom: { secretKeyRef: { name: 'hapscope-database', key: 'url' } },
    });
    expect(objects.filter((o) => o.kind === 'Secret' || o.kind === 'PersistentVolumeClaim')).toEqual([]);
    expect(envValue(container, 'DATA_DIR')).toBeUndefined();
    expect(container.volumeMounts.filter((m) => !m.readOnly).map((m) => m.mountPath)).toEqual(['/tmp']);
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true });
  });

  test('the election needs no Kubernetes rights: the ClusterRole stays read-only on the topology, no Lease', () => {
    const roles = objects.filter((o) => o.kind === 'ClusterRole' || o.kind === 'Role') as ClusterRole[];
    expect(roles.map((r) => r.metadata.name)).toEqual(['hapscope-read-topology']);
    const expected = TOPOLOGY_READS.flatMap(([group, resource]) =>
      READ_VERBS.map((v) => `${group}/${resource} ${v}`),
    );
    expect(grants(roles[0]!.rules)).toEqual(expected.sort());
    expect(grants(roles[0]!.rules).filter((g) => g.includes('coordination.k8s.io'))).toEqual([]);
  });

  test('the probes and the sign-in are the base’s; with the Secret’s URL hapscope takes the PostgreSQL store', () => {
    for (const probe of [container.startupProbe, container.readinessProbe, container.livenessProbe])
      expect(probe?.httpGet?.path).toBe('/api/v1/health');
    const { config } = podConfig(objects, deployment, container, {
      DATABASE_URL: 'postgres://hapscope:secret@postgres.db.svc:5432/hapscope',
    });
    expect(config.database?.display).toBe('postgres://hapscope:***@postgres.db.svc:5432/hapscope');
    expect(config.auth).toMatchObject({ mode: 'local', metricsPublic: false });
  });

  test("Prometheus's replica job scrapes every pod of the Service, with the token from its Secret", () => {
    const file = readFileSync(path.join(DEPLOY_DIR, 'prometheus/scrape-hapscope-replicas.yaml'), 'utf8');
    const scrape = parseYaml(file) as { scrape_configs: unknown };
    expect(scrape.scrape_configs).toMatchObject([
      {
        metrics_path: '/metrics',
        authorization: { credentials_file: '/etc/prometheus/secrets/hapscope-metrics-token/token' },
        kubernetes_sd_configs: [{ role: 'endpoints', namespaces: { names: ['hapscope'] } }],
        relabel_configs: [
          {
            source_labels: ['__meta_kubernetes_service_name', '__meta_kubernetes_endpoint_port_name'],
            regex: 'hapscope;http',
            action: 'keep',
          },
          { source_labels: ['__meta_kubernetes_pod_name'], target_label: 'pod' },
        ],
      },
    ]);
    const service = only<Service>(objects, 'Service', 'hapscope');
    expect(service.metadata.namespace).toBe('hapscope');
    expect((service.spec.ports[0] as { name?: string }).name).toBe('http');
  });
});
