/**
 * Reads the contract (shared/reference/api-v1.md): each endpoint section's URL shapes (`GET /api/v1/…` in its
 * heading) and the JSON field names of its examples (fenced blocks and inline `{ … }` spans), with their paths.
 * The examples are pseudo-JSON (`n`, `…`, `"UP" | "DOWN"`, `// comments`, keys without values), so this is a
 * small tokenizer, not JSON.parse.
 */

export interface ContractEndpoint {
  method: string;
  /** The URL as written, without its query: `/api/v1/servers/{instance}/{backend}/{server}/history`. */
  path: string;
  /** Query parameters named in the heading (`?from=&to=`, `(or ?range=…)`). */
  query: string[];
  /** The presets a heading lists for `range=` (`1h|24h|7d|30d`). */
  ranges: string[];
}

export interface ContractSection {
  heading: string;
  endpoints: ContractEndpoint[];
  /** Dotted paths through objects; arrays are transparent: `backends.servers.check.durationMs`. */
  fields: string[];
}

/** The `## Endpoints` part of the document, cut at each `### ` heading; sections without a URL are dropped. */
export function readContract(markdown: string): ContractSection[] {
  const start = markdown.indexOf('\n## Endpoints');
  if (start < 0) return [];
  const rest = markdown.slice(start + 1);
  const end = rest.indexOf('\n## ', 1);
  const part = end < 0 ? rest : rest.slice(0, end);
  return part
    .split(/\n(?=### )/)
    .filter((chunk) => chunk.startsWith('### '))
    .map(toSection)
    .filter((section) => section.endpoints.length > 0);
}

function toSection(chunk: string): ContractSection {
  const [heading = '', ...body] = chunk.split('\n');
  const endpoints = [...heading.matchAll(/`(GET|POST|PUT|PATCH|DELETE) ([^`\s]+)`/g)].map(([, method, url]) =>
    toEndpoint(method!, url!, heading),
  );
  const text = body.join('\n');
  const fenced = [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const inline = [...text.replace(/```[\s\S]*?```/g, '').matchAll(/`(\{[^`]*\})`/g)].map((m) => m[1]!);
  const fields = [...new Set([...fenced, ...inline].flatMap(fieldPaths))];
  return { heading: heading.slice(4).trim(), endpoints, fields };
}

function toEndpoint(method: string, url: string, heading: string): ContractEndpoint {
  const [path = '', search = ''] = url.split('?');
  const alternatives = [...heading.matchAll(/\(or `?\?([^)`]*)`?\)/g)].map((m) => m[1]!);
  const query = [search, ...alternatives]
    .flatMap((part) => part.split('&'))
    .map((pair) => pair.split('=')[0]!)
    .filter((key) => /^[A-Za-z]\w*$/.test(key));
  const ranges = [...heading.matchAll(/range=([\w|]+)/g)].flatMap((m) => m[1]!.split('|'));
  return { method, path, query: [...new Set(query)], ranges: [...new Set(ranges)] };
}

type Token = { kind: 'string'; text: string } | { kind: 'punct'; text: string } | { kind: 'other' };

function tokenize(example: string): Token[] {
  const tokens: Token[] = [];
  const source = example.replace(/\/\/[^\n]*/g, '');
  for (const match of source.matchAll(/"((?:[^"\\]|\\.)*)"|([{}[\]:,])|([^\s"{}[\]:,]+)/g)) {
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'punct', text: match[2] });
    else tokens.push({ kind: 'other' });
  }
  return tokens;
}

const isPunct = (token: Token | undefined, ...texts: string[]) =>
  token?.kind === 'punct' && texts.includes(token.text);

/**
 * A string is a key when a `:` follows it, or (shorthand `{ "instance", "backend" }`) when it sits between
 * `{`/`,` and `,`/`}` inside an object. A key followed by `:` and an opening bracket names that container.
 */
export function fieldPaths(example: string): string[] {
  const tokens = tokenize(example);
  const stack: { type: '{' | '['; name: string | null }[] = [];
  const paths: string[] = [];
  let pendingKey: string | null = null;
  const prefix = () => stack.map((frame) => frame.name).filter((name): name is string => name !== null);
  tokens.forEach((token, i) => {
    if (token.kind === 'punct' && (token.text === '{' || token.text === '[')) {
      stack.push({ type: token.text, name: pendingKey });
      pendingKey = null;
    } else if (isPunct(token, '}', ']')) {
      stack.pop();
    } else if (token.kind === 'string' && stack.at(-1)?.type === '{') {
      const isKey =
        isPunct(tokens[i + 1], ':') || (isPunct(tokens[i - 1], '{', ',') && isPunct(tokens[i + 1], ',', '}'));
      if (!isKey) return;
      paths.push([...prefix(), token.text].join('.'));
      pendingKey = isPunct(tokens[i + 1], ':') && isPunct(tokens[i + 2], '{', '[') ? token.text : null;
    } else if (!isPunct(token, ':')) {
      pendingKey = null;
    }
  });
  return paths;
}
