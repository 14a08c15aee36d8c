import 'server-only';
import { findConfigFile, readConfigFile } from './config-file';
import { parseConfig, type Config, type RawSettings } from './parse-config';

export type { Config } from './parse-config';
export type { Source, HttpSource, SocketSource } from './parse-sources';
export { ConfigError } from './config-error';

let cached: Config | undefined;

/** The validated configuration, read on first use (never at import: `next build` needs no settings). */
export function getConfig(): Config {
  return (cached ??= loadConfig(process.env, process.cwd()));
}

export function loadConfig(env: RawSettings, cwd: string): Config {
  const file = findConfigFile(env, cwd);
  const fromFile = file ? readConfigFile(file) : {};
  const definedEnv = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  return parseConfig({ ...fromFile, ...definedEnv }, file);
}
