/** OpenAPI registrations of Access (api-v1.md): who am I, sign-in, and the admin's users, tokens, share links, audit. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import {
  ApiTokensSchema,
  AuditQuery,
  AuditSchema,
  CreateApiTokenRequestSchema,
  CreatedApiTokenSchema,
  CreatedShareLinkSchema,
  CreateShareLinkRequestSchema,
  CreateUserRequestSchema,
  MeSchema,
  RevocableParams,
  ShareLinksSchema,
  SignInRequestSchema,
  UpdateUserRequestSchema,
  UserParams,
  UserSchema,
  UsersSchema,
} from '../schemas/access';
import { registerEndpoints, type Endpoint } from './endpoint';
import { json } from './responses';

const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const redirect = { description: 'a redirect (302)' };

const SIGN_IN: readonly Endpoint[] = [
  {
    path: '/api/v1/me',
    summary: 'Who is asking: name, role, sign-in mode',
    ok: json(MeSchema, 'the identity'),
  },
  {
    method: 'post',
    path: '/api/v1/auth/signin',
    summary: 'Sign in with a local user name and password (same-origin JSON); 429 after too many failures',
    request: { body: body(SignInRequestSchema) },
    ok: { description: 'signed in: a session cookie (HttpOnly, SameSite=Lax)' },
    access: 'open',
  },
  {
    method: 'post',
    path: '/api/v1/auth/signout',
    summary: 'End the session',
    ok: { description: 'signed out' },
    status: 204,
    access: 'open',
  },
  { path: '/api/v1/auth/oidc/start', summary: 'Go to the OpenID provider', ok: redirect, access: 'open' },
  {
    path: '/api/v1/auth/oidc/callback',
    summary: "The OpenID provider's answer",
    ok: redirect,
    access: 'open',
  },
];

const revocable = (noun: string, path: string, list: z.ZodType, create: z.ZodType, created: z.ZodType) =>
  [
    { path, summary: `${noun}s, revoked and expired ones too`, ok: json(list, `${noun}s`), access: 'admin' },
    {
      method: 'post',
      path,
      summary: `Create a ${noun}: its secret is in this answer only`,
      request: { body: body(create) },
      ok: json(created, `the new ${noun} and its secret`),
      status: 201,
      access: 'admin',
    },
    {
      method: 'delete',
      path: `${path}/{id}`,
      summary: `Revoke a ${noun}`,
      request: { params: RevocableParams },
      ok: { description: 'revoked' },
      status: 204,
      access: 'admin',
    },
  ] as const satisfies readonly Endpoint[];

const ADMIN: readonly Endpoint[] = [
  {
    path: '/api/v1/users',
    summary: 'Local users (AUTH_MODE=local)',
    ok: json(UsersSchema, 'users'),
    access: 'admin',
  },
  {
    method: 'post',
    path: '/api/v1/users',
    summary: 'Add a local user',
    request: { body: body(CreateUserRequestSchema) },
    ok: json(UserSchema, 'the new user'),
    status: 201,
    access: 'admin',
  },
  {
    method: 'patch',
    path: '/api/v1/users/{name}',
    summary: "Change a user's role or password (their sessions end)",
    request: { params: UserParams, body: body(UpdateUserRequestSchema) },
    ok: json(UserSchema, 'the user'),
    access: 'admin',
  },
  {
    method: 'delete',
    path: '/api/v1/users/{name}',
    summary: 'Remove a user (not the last admin)',
    request: { params: UserParams },
    ok: { description: 'removed' },
    status: 204,
    access: 'admin',
  },
  ...revocable(
    'API token',
    '/api/v1/tokens',
    ApiTokensSchema,
    CreateApiTokenRequestSchema,
    CreatedApiTokenSchema,
  ),
  ...revocable(
    'share link',
    '/api/v1/shares',
    ShareLinksSchema,
    CreateShareLinkRequestSchema,
    CreatedShareLinkSchema,
  ),
  {
    path: '/api/v1/audit',
    summary: 'Who changed what, newest first',
    request: { query: AuditQuery },
    ok: json(AuditSchema, 'audit entries'),
    access: 'admin',
  },
];

export function registerAccessPaths(registry: OpenAPIRegistry): void {
  registerEndpoints(registry, [...SIGN_IN, ...ADMIN]);
}
