'use client';

import useSWR from 'swr';
import { EMBED_SETTINGS_URL, type EmbedSettingsDto } from '@/lib/api/schemas/embeds';
import { fetchJson } from './fetch-json';

/** GET /api/v1/embeds/settings: whether PUBLIC_EMBEDS opens every embed (read once; a restart changes it). */
export function useEmbedSettings() {
  return useSWR<EmbedSettingsDto, Error>(EMBED_SETTINGS_URL, fetchJson, { revalidateOnFocus: false });
}
