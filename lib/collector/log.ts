import type { Source } from '@/lib/config/parse-sources';

/** One line per change of a source's health (not per failed poll), naming it by its redacted URL. */
export function logSourceChange(source: Source, error: string | null): void {
  const where = `source "${source.name}" (${source.displayUrl})`;
  if (error === null) console.log(`[hapscope] ${where} is answering`);
  else console.warn(`[hapscope] ${where} failed: ${error}`);
}
