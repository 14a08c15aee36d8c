import 'server-only';
/** Who is connected, for per-client limits: routes reach client-address.ts through this door. */
import type { AccessState } from './access-state';
import { clientAddress, peerAddress } from './client-address';

/** The client's address (a trusted proxy's X-Forwarded-For hop, else the TCP peer); null when nobody stamped one. */
export function requestClient(
  parts: { access: Pick<AccessState, 'trusted'> },
  request: Request,
): string | null {
  return peerAddress(request.headers) === null ? null : clientAddress(request.headers, parts.access.trusted);
}
