/** The API's error body: `{ "error": { "code", "message" } }` (shared/reference/api-v1.md). */
export function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });
}
