/** One string naming a server across sources: instance/backend/server (names may not contain a newline). */
export function serverKey(instance: string, backend: string, server: string): string {
  return `${instance}\n${backend}\n${server}`;
}
