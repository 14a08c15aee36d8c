import 'server-only';
import { findConfigFile, readConfigFile } from './config-file';
import { parseConfig, type Config, type RawSettings } from './parse-config';

export type { Config } from './parse-config';
export type { Source, HttpSource, SocketSource } from './parse-sources';
export { ConfigError } from './config-error';

/**
 * Every setting, validated at once: the environment over the optional config file. Throws ConfigError naming the
 * first bad key. Called once, by the composition root (lib/server/runtime.ts), before anything connects.
 */
export function loadConfig(env: RawSettings, cwd: string): Config {
  const file = findConfigFile(env, cwd);
  const fromFile = file ? readConfigFile(file) : {};
  const definedEnv = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  return parseConfig({ ...fromFile, ...definedEnv }, file);
}
