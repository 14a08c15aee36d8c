/** Registering endpoints: the error answers follow from what an endpoint takes, not from each registration. */
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { badParameter, notFound } from './responses';

export interface Endpoint {
  /** GET unless said. */
  method?: RouteConfig['method'];
  path: string;
  summary: string;
  request?: RouteConfig['request'];
  /** The success answer, with status 200 unless `status` says otherwise. */
  ok: ResponseConfig;
  status?: 201 | 204;
}

/** An endpoint that takes input answers 400 on a bad one; one whose path names a target, 404 on an unknown one. */
export function registerEndpoints(registry: OpenAPIRegistry, endpoints: readonly Endpoint[]): void {
  for (const { method = 'get', ok, status = 200, ...route } of endpoints) {
    registry.registerPath({
      ...route,
      method,
      responses: {
        [status]: ok,
        ...(route.request && { 400: badParameter }),
        ...(route.request?.params && { 404: notFound }),
      },
    });
  }
}
