import { openApiDocument } from '@/lib/api/openapi/openapi-document';
import { catchApiErrors } from '@/lib/api/errors';

// The document is built from the schemas alone; serve it like the other API answers, without a build-time render.
export const dynamic = 'force-dynamic';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of this API. */
export function GET() {
  return catchApiErrors(() => Response.json(openApiDocument(), { headers: { 'cache-control': 'no-store' } }));
}
