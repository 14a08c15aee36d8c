import 'server-only';
import type { Config } from '@/lib/config';
import type { EmbedSettingsDto } from '@/lib/api/schemas/embeds';
import { parseEmbedParams, type EmbedOptions, type EmbedPanel } from '@/lib/embeds/embed-params';

export type SearchParams = Record<string, string | string[] | undefined>;

export type ResolvedEmbed =
  | { ok: true; options: EmbedOptions; pollIntervalMs: number }
  | { ok: false; title: string; problems: string[]; theme: string | null };

/**
 * An embed request's parameters, validated. Who may see it is the access service's question
 * (lib/access/server/embed-access-service.ts): share links, EMBED_TOKEN_SECRET tokens, PUBLIC_EMBEDS, sessions.
 */
export function resolveEmbed(
  { config }: { config: Pick<Config, 'pollIntervalMs'> },
  panel: EmbedPanel,
  searchParams: SearchParams,
): ResolvedEmbed {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  const theme = params.get('theme');
  const parsed = parseEmbedParams(panel, params, config.pollIntervalMs);
  if (!parsed.ok)
    return {
      ok: false,
      title: 'This embed has bad parameters',
      problems: parsed.errors.map((e) => `${e.param}: ${e.message}`),
      theme,
    };
  return { ok: true, options: parsed.options, pollIntervalMs: config.pollIntervalMs };
}

/** GET /api/v1/embeds/settings: what the share dialog needs to know of the server's embed settings. */
export const embedSettingsDto = ({ config }: { config: Pick<Config, 'auth'> }): EmbedSettingsDto => ({
  publicEmbeds: config.auth.publicEmbeds,
});
