import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error';
import { findConfigFile, readConfigFile } from './config-file';
import { CONFIG_KEYS, parseConfig, type Config, type RawSettings } from './parse-config';

/**
 * Every setting, validated at once: the environment over the optional config file. Throws ConfigError naming the
 * first bad key. Called once, by the composition root (lib/server/runtime.ts), before anything connects.
 */
export function loadConfig(env: RawSettings, cwd: string): Config {
  const file = findConfigFile(env, cwd);
  const fromFile = file ? readConfigFile(file) : {};
  const unknown = Object.keys(fromFile).find((key) => !(CONFIG_KEYS as readonly string[]).includes(key));
  if (unknown) throw new ConfigError(unknown, `in "${file}" is not a hapscope setting`);
  const definedEnv = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = parseConfig({ ...fromFile, ...definedEnv }, file);
  checkPaths(config, cwd);
  return config;
}

/** Paths that must exist (or must not be something else) are checked here, so parseConfig stays pure. */
function checkPaths(config: Config, cwd: string): void {
  const kubeconfigs = config.kubeconfig?.split(path.delimiter).filter(Boolean) ?? [];
  if (kubeconfigs.length && !kubeconfigs.some((file) => existsSync(path.resolve(cwd, file)))) {
    throw new ConfigError('KUBECONFIG', `names no existing file ("${config.kubeconfig}")`);
  }
  const dataDir = path.resolve(cwd, config.dataDir);
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new ConfigError('DATA_DIR', `"${config.dataDir}" is a file, not a directory`);
  }
}
