/**
 * The README's HAProxy cache recipe ("Behind a cache"), read from README.md in the working directory (the
 * repository's root, where npm scripts run), so the spec and the bench prove the block a reader copies. Only its
 * `bind :80` and `server hapscope 127.0.0.1:3000` lines change, to the test's ports; a README whose block lost
 * either line fails here instead of testing something else.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const BIND = /^(\s*)bind :80$/m;
const SERVER = /^(\s*)server hapscope 127\.0\.0\.1:3000$/m;

/** The first ```haproxy block under "### Behind a cache", as written. */
export function readmeCacheRecipe(readme = readFileSync('README.md', 'utf8')): string {
  const section = readme.split(/^### Behind a cache$/m)[1]?.split(/^#{2,3} /m)[0];
  const block = section && /^```haproxy\n([\s\S]*?)^```$/m.exec(section)?.[1];
  if (!block) throw new Error('README.md: no ```haproxy block under "### Behind a cache"');
  return block;
}

export interface CacheProxy {
  host: string;
  /** Where the recipe's frontend listens. */
  port: number;
  /** hapscope, as the recipe's `server` line names it. */
  appPort: number;
  /** Absolute (HAProxy resolves a relative one against its own working directory). */
  socketPath: string;
}

/** A whole config: a global section with an admin socket (for `show cache`), defaults, then the recipe. */
export function cacheProxyConfig(proxy: CacheProxy, recipe = readmeCacheRecipe()): string {
  if (!BIND.test(recipe) || !SERVER.test(recipe))
    throw new Error('the README recipe no longer has `bind :80` and `server hapscope 127.0.0.1:3000`');
  const body = recipe
    .replace(BIND, `$1bind ${proxy.host}:${proxy.port}`)
    .replace(SERVER, `$1server hapscope 127.0.0.1:${proxy.appPort}`);
  return [
    'global',
    `    stats socket ${proxy.socketPath} mode 600 level admin`,
    '',
    'defaults',
    '    mode http',
    '    timeout connect 5s',
    '    timeout client 30s',
    '    timeout server 30s',
    '',
    body,
  ].join('\n');
}

/** Writes the config into `dir` (made absolute); returns its path and the socket's. */
export async function writeCacheProxyConfig(
  dir: string,
  proxy: Omit<CacheProxy, 'socketPath'>,
): Promise<{ configPath: string; socketPath: string }> {
  const abs = path.resolve(dir);
  await mkdir(abs, { recursive: true });
  const socketPath = path.join(abs, 'haproxy.sock');
  const configPath = path.join(abs, 'haproxy.cfg');
  await writeFile(configPath, cacheProxyConfig({ ...proxy, socketPath }));
  return { configPath, socketPath };
}
