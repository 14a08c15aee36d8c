import 'server-only';

export { loadConfig } from './load-config';
export type { Config } from './parse-config';
export type { Source, HttpSource, SocketSource } from './parse-sources';
export { ConfigError } from './config-error';
