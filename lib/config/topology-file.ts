/**
 * Location settings beyond api-v1.md's keys, from the config file or the environment (environment wins):
 *   SERVER_OVERRIDES: [agent1=loc-a-1, main/codeserver_backend/agent2=loc-b-1]   # server → node
 *   STATIC_POOLS:     [agent1=pool-a, api_backend/api1=pool-b]                   # server → pool (no Kubernetes)
 *   BACKEND_HOSTS:    [codeserver_backend=code.example.com]                       # backend → health-check Host
 * BACKEND_HOSTS links a backend (by name, in every source) to the IngressRoutes whose Host(...) is that host and to
 * the pools whose Traefik serve it (lib/pools/backend-routing.ts).
 * A server selector is `server`, `backend/server` or `instance/backend/server`; the most specific rule wins.
 * Lists, not mappings: config-file.ts turns a list into the comma-separated text the environment would hold.
 */
import type { ServerRule } from '@/lib/health/correlate';
import { ConfigError } from './config-error';
import type { RawSettings } from './raw-settings';

export interface TopologyConfig {
  serverOverrides: ServerRule[];
  staticPools: ServerRule[];
  backendHosts: Map<string, string>;
}

export function parseTopologySettings(settings: RawSettings): TopologyConfig {
  return {
    serverOverrides: parsePairs(settings, 'SERVER_OVERRIDES').map(([selector, value]) =>
      toRule('SERVER_OVERRIDES', selector, value),
    ),
    staticPools: parsePairs(settings, 'STATIC_POOLS').map(([selector, value]) =>
      toRule('STATIC_POOLS', selector, value),
    ),
    backendHosts: parseBackendHosts(settings),
  };
}

/** One Host per backend: a second entry for the same backend would silently hide the first. */
function parseBackendHosts(settings: RawSettings): Map<string, string> {
  const hosts = new Map<string, string>();
  for (const [backend, host] of parsePairs(settings, 'BACKEND_HOSTS')) {
    if (hosts.has(backend)) throw new ConfigError('BACKEND_HOSTS', `"${backend}" is listed twice`);
    if (!/^[^\s/:]+$/.test(host))
      throw new ConfigError('BACKEND_HOSTS', `"${host}" must be a bare host name (no scheme, port or path)`);
    hosts.set(backend, host);
  }
  return hosts;
}

function parsePairs(settings: RawSettings, key: string): [string, string][] {
  const raw = settings[key]?.trim();
  if (!raw) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const eq = entry.indexOf('=');
      const [left, right] = [entry.slice(0, eq).trim(), entry.slice(eq + 1).trim()];
      if (eq < 0 || !left || !right)
        throw new ConfigError(key, `entries must look like "selector=value", got "${entry}"`);
      return [left, right];
    });
}

function toRule(key: string, selector: string, value: string): ServerRule {
  const parts = selector.split('/');
  if (parts.length > 3 || parts.some((p) => !p)) {
    throw new ConfigError(key, `"${selector}" must be server, backend/server or instance/backend/server`);
  }
  const [server, backend = null, instance = null] = parts.reverse();
  return { instance, backend, server: server!, value };
}
