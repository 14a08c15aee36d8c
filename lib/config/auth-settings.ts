/**
 * The Access settings (api-v1.md "Access"): the sign-in mode and what each mode needs, checked whole at start-up
 * so a bad value stops the server naming the key, before anything connects.
 */
import { isIP } from 'node:net';
import { AUTH_MODES, type AuthMode } from '@/lib/access/identity';
import { DEFAULT_ROLE_GROUPS, parseRoleGroups, type RoleGroups } from '@/lib/access/role-groups';
import { ConfigError } from './config-error';
import type { RawSettings } from './raw-settings';
import { read, readChoice, readInteger, readList } from './readers';

export interface Cidr {
  address: string;
  prefix: number;
}

export interface AuthConfig {
  mode: AuthMode;
  /** local: the first admin's password when no user exists yet; null: a random one is printed once. */
  adminPassword: string | null;
  proxy: { userHeader: string; groupsHeader: string; trusted: Cidr[] };
  oidc: { issuer: string; clientId: string; clientSecret: string | null; groupsClaim: string } | null;
  roleGroups: RoleGroups;
  /** A session ends after this long unused, and this long after sign-in whatever happens. */
  sessionIdleMs: number;
  sessionMaxMs: number;
  publicEmbeds: boolean;
  metricsPublic: boolean;
}

export const AUTH_KEYS = [
  'AUTH_MODE',
  'HAPSCOPE_ADMIN_PASSWORD',
  'AUTH_PROXY_USER_HEADER',
  'AUTH_PROXY_GROUPS_HEADER',
  'AUTH_PROXY_TRUSTED',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_GROUPS_CLAIM',
  'AUTH_ROLE_GROUPS',
  'SESSION_IDLE_HOURS',
  'SESSION_MAX_DAYS',
  'PUBLIC_EMBEDS',
  'METRICS_PUBLIC',
] as const;

export const AUTH_DEFAULTS = {
  AUTH_MODE: 'local',
  AUTH_PROXY_USER_HEADER: 'X-Forwarded-User',
  AUTH_PROXY_GROUPS_HEADER: 'X-Forwarded-Groups',
  AUTH_PROXY_TRUSTED: '127.0.0.1/32,::1/128',
  OIDC_GROUPS_CLAIM: 'groups',
  AUTH_ROLE_GROUPS: DEFAULT_ROLE_GROUPS,
  SESSION_IDLE_HOURS: 12,
  SESSION_MAX_DAYS: 7,
} as const;

const MIN_ADMIN_PASSWORD = 12;

export function parseAuthSettings(settings: RawSettings): AuthConfig {
  const mode = readChoice(settings, 'AUTH_MODE', [...AUTH_MODES], AUTH_DEFAULTS.AUTH_MODE);
  const adminPassword = read(settings, 'HAPSCOPE_ADMIN_PASSWORD') ?? null;
  if (adminPassword !== null && adminPassword.length < MIN_ADMIN_PASSWORD)
    throw new ConfigError('HAPSCOPE_ADMIN_PASSWORD', `must be at least ${MIN_ADMIN_PASSWORD} characters`);
  return {
    mode,
    adminPassword,
    proxy: {
      userHeader: readHeaderName(settings, 'AUTH_PROXY_USER_HEADER', AUTH_DEFAULTS.AUTH_PROXY_USER_HEADER),
      groupsHeader: readHeaderName(
        settings,
        'AUTH_PROXY_GROUPS_HEADER',
        AUTH_DEFAULTS.AUTH_PROXY_GROUPS_HEADER,
      ),
      trusted: readList(settings, 'AUTH_PROXY_TRUSTED', ',', AUTH_DEFAULTS.AUTH_PROXY_TRUSTED).map(toCidr),
    },
    oidc: readOidc(settings, mode),
    roleGroups: readRoleGroups(settings),
    sessionIdleMs:
      readInteger(settings, 'SESSION_IDLE_HOURS', AUTH_DEFAULTS.SESSION_IDLE_HOURS, {
        min: 1,
        max: 24 * 90,
      }) * 3600_000,
    sessionMaxMs:
      readInteger(settings, 'SESSION_MAX_DAYS', AUTH_DEFAULTS.SESSION_MAX_DAYS, { min: 1, max: 365 }) *
      86_400_000,
    publicEmbeds: readBoolean(settings, 'PUBLIC_EMBEDS'),
    metricsPublic: readBoolean(settings, 'METRICS_PUBLIC'),
  };
}

function readOidc(settings: RawSettings, mode: AuthMode): AuthConfig['oidc'] {
  const issuer = read(settings, 'OIDC_ISSUER');
  const clientId = read(settings, 'OIDC_CLIENT_ID');
  if (mode !== 'oidc' && issuer === undefined) {
    // A client id or secret without an issuer is a half-done set-up (or a typo): say so rather than ignore it.
    const orphan = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_GROUPS_CLAIM'] as const).find(
      (key) => read(settings, key) !== undefined,
    );
    if (orphan) throw new ConfigError(orphan, 'is set but OIDC_ISSUER is not');
    return null;
  }
  if (issuer === undefined) throw new ConfigError('OIDC_ISSUER', 'AUTH_MODE=oidc needs the issuer URL');
  if (!/^https?:\/\/[^/]/.test(issuer) || !URL.canParse(issuer))
    throw new ConfigError('OIDC_ISSUER', `must be an http(s) URL, got "${issuer}"`);
  if (clientId === undefined) throw new ConfigError('OIDC_CLIENT_ID', 'AUTH_MODE=oidc needs the client id');
  return {
    issuer,
    clientId,
    clientSecret: read(settings, 'OIDC_CLIENT_SECRET') ?? null,
    groupsClaim: read(settings, 'OIDC_GROUPS_CLAIM') ?? AUTH_DEFAULTS.OIDC_GROUPS_CLAIM,
  };
}

function readRoleGroups(settings: RawSettings): RoleGroups {
  try {
    return parseRoleGroups(read(settings, 'AUTH_ROLE_GROUPS') ?? AUTH_DEFAULTS.AUTH_ROLE_GROUPS);
  } catch (error) {
    throw new ConfigError('AUTH_ROLE_GROUPS', (error as Error).message);
  }
}

function toCidr(text: string): Cidr {
  const [address = '', bits, extra] = text.split('/');
  const family = isIP(address);
  const prefix = Number(bits);
  if (!family || extra !== undefined || !/^\d+$/.test(bits ?? '') || prefix > (family === 6 ? 128 : 32))
    throw new ConfigError('AUTH_PROXY_TRUSTED', `"${text}" is not a CIDR such as 10.0.0.0/8 or ::1/128`);
  return { address, prefix };
}

function readHeaderName(settings: RawSettings, key: string, fallback: string): string {
  const name = read(settings, key) ?? fallback;
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new ConfigError(key, `must be an HTTP header name, got "${name}"`);
  return name.toLowerCase();
}

function readBoolean(settings: RawSettings, key: string): boolean {
  return readChoice(settings, key, ['true', 'false'], 'false') === 'true';
}
