import type { APIRequestContext } from '@playwright/test';
import type { SpecApp } from './spec-app';

/** A JSON write as hapscope's own pages send it: same origin, JSON. */
export function write(
  request: APIRequestContext,
  app: SpecApp,
  method: 'post' | 'delete',
  url: string,
  data?: object,
) {
  return request.fetch(`${app.url}${url}`, {
    method,
    headers: { origin: app.url, 'content-type': 'application/json' },
    data: data === undefined ? undefined : JSON.stringify(data),
  });
}
