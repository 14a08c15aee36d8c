import 'server-only';
import type { Config } from '@/lib/config';
import {
  embedTargetKey,
  parseEmbedParams,
  type EmbedOptions,
  type EmbedPanel,
} from '@/lib/embeds/embed-params';
import { verifyEmbedToken } from '@/lib/embeds/embed-token';

export type SearchParams = Record<string, string | string[] | undefined>;

export type ResolvedEmbed =
  | { ok: true; options: EmbedOptions; pollIntervalMs: number }
  | { ok: false; title: string; problems: string[]; theme: string | null };

/**
 * An embed request's parameters, validated; with EMBED_TOKEN_SECRET set (read at start-up, so a restart without a
 * rebuild changes it), also its token. Without a secret no token is needed.
 */
export function resolveEmbed(
  { config }: { config: Pick<Config, 'pollIntervalMs' | 'embedTokenSecret'> },
  panel: EmbedPanel,
  searchParams: SearchParams,
  nowMs: number,
): ResolvedEmbed {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  const theme = params.get('theme');
  const { pollIntervalMs, embedTokenSecret: secret } = config;
  const parsed = parseEmbedParams(panel, params, pollIntervalMs);
  if (!parsed.ok)
    return {
      ok: false,
      title: 'This embed has bad parameters',
      problems: parsed.errors.map((e) => `${e.param}: ${e.message}`),
      theme,
    };
  if (secret) {
    const check = checkToken(parsed.options, secret, nowMs);
    if (check) return { ok: false, title: 'This embed is not authorised', problems: [check], theme };
  }
  return { ok: true, options: parsed.options, pollIntervalMs };
}

function checkToken(options: EmbedOptions, secret: string, nowMs: number): string | null {
  try {
    const target = embedTargetKey(options.target);
    const result = verifyEmbedToken(options.token, secret, { panel: options.panel, target, nowMs });
    return result.ok ? null : result.reason;
  } catch (err) {
    return (err as Error).message;
  }
}
