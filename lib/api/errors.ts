import { isStoreError } from '@/lib/problems/store-fault';

/** The API's error body: `{ "error": { "code", "message" } }` (shared/reference/api-v1.md). */
export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * A route handler's body, so that every failure is still the API's JSON: the history store failing is 503
 * `store_unavailable` naming the file and the fix (the store has reported it to health and the log); anything else
 * is a bug, logged with its stack and answered 500 `internal_error`, never an empty body.
 */
export async function catchApiErrors(handle: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    if (isStoreError(error)) return jsonError(503, 'store_unavailable', error.message);
    console.error('[hapscope] request failed:', error);
    return jsonError(500, 'internal_error', 'hapscope failed to answer; the server log says why');
  }
}
