/**
 * The optional config file: JSON or YAML holding the same keys as the environment, e.g.
 * `HAPROXY_STATS_URL: [main=http://…, unix:/run/haproxy.sock]`. Environment variables win over the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './config-error';
import type { RawSettings } from './raw-settings';

export const CONFIG_FILE_KEY = 'HAPSCOPE_CONFIG';
const DEFAULT_FILES = ['hapscope.config.yaml', 'hapscope.config.yml', 'hapscope.config.json'];

/** The file named by HAPSCOPE_CONFIG (which must exist), else the first default file in `cwd`, else null. */
export function findConfigFile(env: RawSettings, cwd: string): string | null {
  const named = env[CONFIG_FILE_KEY]?.trim();
  if (named) {
    const file = path.resolve(cwd, named);
    if (!existsSync(file)) throw new ConfigError(CONFIG_FILE_KEY, `file "${file}" does not exist`);
    return file;
  }
  return (
    DEFAULT_FILES.map((name) => path.join(cwd, name)).find((file) =>
      existsSync(/* turbopackIgnore: true */ file),
    ) ?? null
  );
}

export function readConfigFile(file: string): RawSettings {
  let parsed: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    parsed = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(CONFIG_FILE_KEY, `cannot read "${file}": ${(error as Error).message}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(CONFIG_FILE_KEY, `"${file}" must hold a mapping of keys to values`);
  }
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, toSettingText(key, value)]));
}

function toSettingText(key: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    return value.map((item) => toSettingText(key, item)).join(key === 'EMBED_ALLOWED_ORIGINS' ? ' ' : ',');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  throw new ConfigError(key, 'in the config file must be a string, number, boolean or list');
}
