/**
 * Wire shapes of Access (api-v1.md "Access"): who am I, sign-in, and the admin's users, API tokens, share links
 * and audit log. A token's secret appears once, in the answer that creates it.
 */
import { z } from 'zod';
import { AUTH_MODES } from '@/lib/access/identity';
import { ROLES } from '@/lib/access/roles';
import { isoTime, wholeNumber } from './common';

const role = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
const MAX_EXPIRY_DAYS = 3650;
const expiresInDays = wholeNumber(1, MAX_EXPIRY_DAYS)
  .nullable()
  .optional()
  .meta({ description: 'days until it stops working; absent or null: never' });
const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

export const MeSchema = z
  .object({
    user: z.object({ name: z.string(), role }),
    mode: z.enum(AUTH_MODES),
    via: z
      .enum(['session', 'proxy', 'none', 'token'])
      .meta({ description: 'how the identity was established' }),
  })
  .meta({ id: 'Me' });
export type MeDto = z.infer<typeof MeSchema>;

export const SignInRequestSchema = z
  .object(
    { name: text(100), password: z.string({ error: 'must be a string' }).max(1024) },
    { error: 'must be a JSON object' },
  )
  .meta({ id: 'SignInRequest' });

const userName = text(64).regex(/^[A-Za-z0-9._@-]+$/, { error: 'may hold letters, digits and . _ @ - only' });
const password = z
  .string({ error: 'must be a string' })
  .min(12, { error: 'must be at least 12 characters' })
  .max(1024, { error: 'must be at most 1024 characters' });

export const UserSchema = z
  .object({
    name: z.string(),
    role,
    createdAt: isoTime,
    createdBy: z.string().nullable(),
    lastSignInAt: isoTime.nullable(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof UserSchema>;
export const UsersSchema = z.object({ users: z.array(UserSchema) }).meta({ id: 'Users' });
export const CreateUserRequestSchema = z
  .object({ name: userName, role, password }, { error: 'must be a JSON object' })
  .meta({ id: 'CreateUserRequest' });
export const UpdateUserRequestSchema = z
  .object({ role: role.optional(), password: password.optional() }, { error: 'must be a JSON object' })
  .refine((body) => body.role !== undefined || body.password !== undefined, {
    error: 'name a role or a password',
  })
  .meta({ id: 'UpdateUserRequest' });
export const UserParams = z.object({ name: userName });

const revocable = {
  id: z.string(),
  createdAt: isoTime,
  createdBy: z.string(),
  expiresAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
  revokedBy: z.string().nullable(),
  lastUsedAt: isoTime.nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
};

export const ApiTokenSchema = z.object({ ...revocable, name: z.string(), role }).meta({ id: 'ApiToken' });
export type ApiTokenDto = z.infer<typeof ApiTokenSchema>;
export const ApiTokensSchema = z.object({ tokens: z.array(ApiTokenSchema) }).meta({ id: 'ApiTokens' });
export const CreateApiTokenRequestSchema = z
  .object({ name: text(64), role, expiresInDays }, { error: 'must be a JSON object' })
  .meta({ id: 'CreateApiTokenRequest' });
export const CreatedApiTokenSchema = z
  .object({ token: ApiTokenSchema, secret: z.string().meta({ description: 'shown this once: hsc_…' }) })
  .meta({ id: 'CreatedApiToken' });

export const ShareLinkSchema = z
  .object({
    ...revocable,
    panel: z.string().meta({ description: 'an embed panel' }),
    target: z.string().meta({ description: 'instance/backend/server, instance/backend, pool:<name> or *' }),
    label: z.string().nullable(),
  })
  .meta({ id: 'ShareLink' });
export type ShareLinkDto = z.infer<typeof ShareLinkSchema>;
export const ShareLinksSchema = z.object({ shares: z.array(ShareLinkSchema) }).meta({ id: 'ShareLinks' });
export const CreateShareLinkRequestSchema = z
  .object(
    { panel: text(40), target: text(400), label: text(120).nullable().optional(), expiresInDays },
    { error: 'must be a JSON object' },
  )
  .meta({ id: 'CreateShareLinkRequest' });
export const CreatedShareLinkSchema = z
  .object({ share: ShareLinkSchema, token: z.string().meta({ description: 'shown this once: hss_…' }) })
  .meta({ id: 'CreatedShareLink' });

export const RevocableParams = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/, { error: 'must be a 16-digit hex id' }),
});

export const AuditEntrySchema = z
  .object({
    seq: z.number(),
    at: isoTime,
    actor: z.string().meta({ description: 'the user, or "token <name>"' }),
    action: z.string(),
    target: z.string().nullable(),
    detail: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryDto = z.infer<typeof AuditEntrySchema>;
export const AuditSchema = z.object({ entries: z.array(AuditEntrySchema) }).meta({ id: 'Audit' });
export const AuditQuery = z.object({
  limit: wholeNumber(1, 1000).default(200),
  before: wholeNumber(1, Number.MAX_SAFE_INTEGER).optional(),
});
