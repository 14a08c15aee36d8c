/**
 * The Kubernetes status error names every failing resource ("cannot reach … (list nodes); cannot reach …
 * (list pods)"): for a one-line banner, the same message is said once with the resources after it.
 */
export function summarizeK8sError(error: string | null): string {
  if (!error) return 'unknown error';
  const groups = new Map<string, string[]>();
  for (const part of error.split('; ')) {
    const match = /^(.*) \(([^()]*)\)$/.exec(part);
    const [head, what] = match ? [match[1]!, match[2]!] : [part, null];
    const list = groups.get(head) ?? [];
    if (what && !list.includes(what)) list.push(what);
    groups.set(head, list);
  }
  return [...groups].map(([head, what]) => (what.length ? `${head} (${what.join(', ')})` : head)).join('; ');
}
