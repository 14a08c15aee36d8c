import type { AlertTarget } from '@/lib/alerts/types';

const MAX_MINUTES = 30 * 24 * 60;
const FIELDS = ['instance', 'backend', 'server', 'pool'] as const;

export type MuteRequest =
  { target: AlertTarget; durationMs: number; reason: string | null } | { error: string };

/** Validates a mute: at least one target field, a duration of 1 minute to 30 days. Errors name the field. */
export function parseMuteRequest(body: unknown): MuteRequest {
  if (typeof body !== 'object' || body === null) return { error: 'body: must be a JSON object' };
  const { target, durationMinutes, reason } = body as Record<string, unknown>;
  if (typeof target !== 'object' || target === null) return { error: 'target: must be an object' };
  const parsed: AlertTarget = { instance: null, backend: null, server: null, pool: null };
  for (const field of FIELDS) {
    const value = (target as Record<string, unknown>)[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !value) return { error: `target.${field}: must be a non-empty string` };
    parsed[field] = value;
  }
  if (FIELDS.every((field) => parsed[field] === null))
    return { error: 'target: name at least one of ' + FIELDS.join(', ') };
  if (
    typeof durationMinutes !== 'number' ||
    !Number.isInteger(durationMinutes) ||
    durationMinutes < 1 ||
    durationMinutes > MAX_MINUTES
  ) {
    return { error: `durationMinutes: must be a whole number from 1 to ${MAX_MINUTES}` };
  }
  return {
    target: parsed,
    durationMs: durationMinutes * 60_000,
    reason: typeof reason === 'string' && reason.trim() ? reason.trim().slice(0, 200) : null,
  };
}
