/** Response shorthands for the OpenAPI registrations: a JSON 200 and the API's error bodies. */
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { ErrorSchema } from '../schemas/common';

export const json = (schema: z.ZodType, description: string): ResponseConfig => ({
  description,
  content: { 'application/json; charset=utf-8': { schema } },
});

export const badParameter = json(ErrorSchema, 'a bad parameter: code bad_parameter, the message names it');
export const notFound = json(ErrorSchema, 'unknown target: code not_found');
export const unauthenticated = json(
  ErrorSchema,
  'no identity: code unauthenticated (sign in, or send a bearer token)',
);
export const forbidden = json(
  ErrorSchema,
  'a role too low, a share link for something else, or a cross-site write: code forbidden',
);
export const storeUnavailable = json(
  ErrorSchema,
  'the history store cannot be used (disk full, read-only, locked…): code store_unavailable, the message names the file and the fix',
);
export const payloadTooLarge = json(ErrorSchema, 'a body over 64 KiB: code payload_too_large');
export const tooManyStreams = json(
  ErrorSchema,
  'this client address already holds SSE_MAX_STREAMS_PER_CLIENT streams: code too_many_streams, with Retry-After',
);
