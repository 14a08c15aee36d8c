/** One string naming a backend across sources (names may not contain a newline). */
export function backendKey(instance: string, backend: string): string {
  return `${instance}\n${backend}`;
}
