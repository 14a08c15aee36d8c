/** Registering endpoints: the error answers follow from what an endpoint takes, not from each registration. */
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Role } from '@/lib/access/roles';
import {
  badParameter,
  forbidden,
  notFound,
  payloadTooLarge,
  storeUnavailable,
  unauthenticated,
} from './responses';

export interface Endpoint {
  /** GET unless said. */
  method?: RouteConfig['method'];
  path: string;
  summary: string;
  request?: RouteConfig['request'];
  /** The success answer, with status 200 unless `status` says otherwise. */
  ok: ResponseConfig;
  status?: 201 | 204;
  /** Who may call it (api-v1.md "Access"); viewer unless said. Not open: 401 without an identity, 403 below it. */
  access?: 'open' | Role;
  /** Answers of its own beyond those that follow from its input and access (the stream's 429, say). */
  more?: Record<number, ResponseConfig>;
}

/** An endpoint that takes input answers 400 on a bad one; one whose path names a target, 404 on an unknown one. */
export function registerEndpoints(registry: OpenAPIRegistry, endpoints: readonly Endpoint[]): void {
  for (const { method = 'get', ok, status = 200, access = 'viewer', more = {}, ...route } of endpoints) {
    registry.registerPath({
      ...route,
      method,
      description: access === 'open' ? 'Open: no sign-in needed.' : `Needs the ${access} role (or more).`,
      responses: {
        [status]: ok,
        ...(route.request && { 400: badParameter }),
        ...(access !== 'open' && { 401: unauthenticated, 403: forbidden, 503: storeUnavailable }),
        ...(route.request?.params && { 404: notFound }),
        ...(route.request?.body && { 413: payloadTooLarge }),
        ...more,
      },
    });
  }
}
