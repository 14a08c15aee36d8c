/**
 * deploy/'s manifests as the cluster would get them: rendered by the real `kubectl kustomize` (kustomize 5, which
 * kubectl carries; Debian's kubernetes-client 1.20 has kustomize 2, which cannot read these files) and parsed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const DEPLOY_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
}

/** The fields of the rendered objects that deploy.test.ts reads. */
export interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: unknown;
}
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
export interface Container {
  name: string;
  ports: { name: string; containerPort: number }[];
  env: EnvVar[];
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  securityContext: Record<string, unknown>;
  volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
}
export interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName: string };
  configMap?: { name: string };
  emptyDir?: object;
}
export interface Deployment extends K8sObject {
  spec: {
    replicas?: number;
    strategy?: { type: string };
    template: {
      spec: {
        serviceAccountName: string;
        securityContext: Record<string, unknown>;
        containers: Container[];
        volumes: Volume[];
      };
    };
  };
}
export interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}
export type ClusterRole = K8sObject & { rules: Rule[] };
export type ClusterRoleBinding = K8sObject & {
  roleRef: { kind: string; name: string };
  subjects: { kind: string; name: string; namespace: string }[];
};
export type Service = K8sObject & { spec: { ports: { port: number; targetPort: string | number }[] } };
export type ConfigMap = K8sObject & { data: Record<string, string> };
export type Claim = K8sObject & { spec: { accessModes: string[] } };

/** What `kubectl kustomize <dir>` (from deploy/) prints, as objects; throws with kubectl's words when it fails or warns. */
export function kustomize(dir: string): K8sObject[] {
  const { stdout, stderr } = kubectl(['kustomize', path.resolve(DEPLOY_DIR, dir)]);
  // A warning today (a deprecated field) is tomorrow's error: keep the manifests clean of them.
  if (stderr.trim()) throw new Error(`kubectl kustomize ${dir} warned: ${stderr.trim()}`);
  return parseAllDocuments(stdout).map((doc) => {
    if (doc.errors.length) throw new Error(`kubectl kustomize ${dir} printed bad YAML: ${doc.errors[0]}`);
    return doc.toJS() as K8sObject;
  });
}

/** The major version of the kustomize that kubectl carries, e.g. 5 for "Kustomize Version: v5.5.0". */
export function kustomizeMajorVersion(): number {
  const { stdout } = kubectl(['version', '--client']);
  const major = /Kustomize Version: v(\d+)\./.exec(stdout)?.[1];
  if (!major) throw new Error(`kubectl names no kustomize version: ${stdout.trim()}`);
  return Number(major);
}

function kubectl(args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync('kubectl', args, { encoding: 'utf8', timeout: 60_000 });
  if (run.error) {
    throw new Error(
      `kubectl ${args[0]}: ${run.error.message}. The deploy/ tests need kubectl with kustomize 5 on the PATH ` +
        "(https://kubernetes.io/docs/tasks/tools/); Debian 12's kubernetes-client carries kustomize 2, too old.",
    );
  }
  if (run.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${run.stderr.trim()}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

/** The one object of this kind (and name); throws naming what was rendered instead. */
export function only<T extends K8sObject>(objects: K8sObject[], kind: string, name?: string): T {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (found.length !== 1) {
    const rendered = objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ');
    throw new Error(`expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length} in: ${rendered}`);
  }
  return found[0] as T;
}
