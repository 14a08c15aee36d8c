/** GET /api/v1/embeds/settings: the server's embed settings the share dialog words its advice by. */
import { z } from 'zod';

export const EmbedSettingsSchema = z
  .object({
    publicEmbeds: z.boolean().meta({
      description: 'PUBLIC_EMBEDS=true: every embed and badge is readable without sign-in or share token',
    }),
  })
  .meta({ id: 'EmbedSettings' });
export type EmbedSettingsDto = z.infer<typeof EmbedSettingsSchema>;

export const EMBED_SETTINGS_URL = '/api/v1/embeds/settings';
