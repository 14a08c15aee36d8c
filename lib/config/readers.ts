/** Reading one setting: trimmed (blank is unset), checked, and a ConfigError naming the key when it is wrong. */
import type { RawSettings } from './raw-settings';
import { ConfigError } from './config-error';

export function readSecret(settings: RawSettings, key: string, minLength: number): string | null {
  const raw = read(settings, key);
  if (raw === undefined) return null;
  if (raw.length < minLength) throw new ConfigError(key, `must be at least ${minLength} characters`);
  return raw;
}

export function read(settings: RawSettings, key: string): string | undefined {
  const value = settings[key]?.trim();
  return value ? value : undefined;
}

export function readInteger(
  settings: RawSettings,
  key: string,
  fallback: number,
  bounds: { min: number; max?: number },
): number {
  const raw = read(settings, key);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(key, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < bounds.min) throw new ConfigError(key, `must be at least ${bounds.min}, got ${value}`);
  if (bounds.max !== undefined && value > bounds.max) {
    throw new ConfigError(key, `must be at most ${bounds.max}, got ${value}`);
  }
  return value;
}

/** A decimal above zero ("0.1", "2", ".5"): rates per second. */
export function readPositiveNumber(settings: RawSettings, key: string, fallback: number): number {
  const raw = read(settings, key);
  if (raw === undefined) return fallback;
  if (!/^(\d+(\.\d+)?|\.\d+)$/.test(raw))
    throw new ConfigError(key, `must be a decimal number, got "${raw}"`);
  const value = Number(raw);
  if (!(value > 0)) throw new ConfigError(key, `must be above 0, got ${raw}`);
  return value;
}

export function readChoice<T extends string>(
  settings: RawSettings,
  key: string,
  choices: T[],
  fallback: T,
): T {
  const raw = read(settings, key)?.toLowerCase() ?? fallback;
  if (!(choices as string[]).includes(raw)) {
    throw new ConfigError(key, `must be one of ${choices.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

export function readList(settings: RawSettings, key: string, separator: string, fallback: string): string[] {
  const raw = read(settings, key) ?? fallback;
  const items = raw
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new ConfigError(key, 'must name at least one value');
  return items;
}
