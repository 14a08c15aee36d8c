/**
 * One identity for a server across the product: the source (HAProxy instance) name, the backend and the server.
 * Keys join the parts with a newline, which HAProxy names and source names cannot contain.
 */
export interface ServerRef {
  instance: string;
  backend: string;
  server: string;
}

const SEPARATOR = '\n';

/** One string naming a backend across sources. */
export function backendKey(instance: string, backend: string): string {
  return `${instance}${SEPARATOR}${backend}`;
}

/** One string naming a server across sources. */
export function serverKey(ref: ServerRef): string {
  return `${ref.instance}${SEPARATOR}${ref.backend}${SEPARATOR}${ref.server}`;
}
