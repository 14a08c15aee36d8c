/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the same zod schemas the handlers validate with, so
 * the document cannot drift from the code. Built once per process (it depends on nothing at run time).
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { APP_VERSION } from '../version';
import { registerAccessPaths } from './access-paths';
import { registerFeedPaths } from './feed-paths';
import { registerHistoryPaths } from './history-paths';
import { registerLivePaths } from './live-paths';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export const OPENAPI_URL = '/api/v1/openapi.json';

let cached: OpenApiDocument | undefined;

export function buildOpenApiDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registerLivePaths(registry);
  registerHistoryPaths(registry);
  registerFeedPaths(registry);
  registerAccessPaths(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'hapscope HTTP API',
      version: APP_VERSION,
      description:
        'Times are ISO-8601 UTC unless a field name ends in Sec or Ms. Errors: { error: { code, message } }.',
    },
    servers: [{ url: '/' }],
  });
}

export const openApiDocument = (): OpenApiDocument => (cached ??= buildOpenApiDocument());
