/**
 * Compares the contract's endpoints and fields (api-doc-contract.ts) with an OpenAPI document: every URL shape,
 * every query parameter named in a heading, and every field path in the section's first endpoint's 200 response.
 */
import type { ContractEndpoint, ContractSection } from './api-doc-contract';

/** A loose view of JSON Schema, enough to walk properties, items, refs and unions. */
interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

interface Operation {
  parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
  responses?: Record<string, { content?: Record<string, { schema?: SchemaNode }> }>;
}

/** Any OpenAPI document; only paths and component schemas are read. */
export interface OpenApiLike {
  paths?: object;
  components?: { schemas?: object };
}

type PathItems = Record<string, Record<string, Operation | undefined> | undefined>;

/** The embeds are HTML pages: their parameters are lib/embeds/embed-params.ts's, not the JSON API's. */
const PAGE_PREFIXES = ['/embed/'];

export function checkContract(sections: readonly ContractSection[], doc: OpenApiLike): string[] {
  const problems: string[] = [];
  for (const section of sections) {
    const endpoints = section.endpoints.filter((e) => !PAGE_PREFIXES.some((p) => e.path.startsWith(p)));
    for (const endpoint of endpoints) problems.push(...checkEndpoint(endpoint, doc));
    const first = endpoints[0];
    const operation = first && findOperations(first, doc)[0];
    if (!first || !operation || section.fields.length === 0) continue;
    const schema = responseSchema(operation);
    for (const field of section.fields) {
      if (!schema || !hasField(schema, field.split('.'), doc)) {
        problems.push(`${first.method} ${first.path}: field ${field} is missing from the 200 response`);
      }
    }
  }
  return problems;
}

function checkEndpoint(endpoint: ContractEndpoint, doc: OpenApiLike): string[] {
  const operations = findOperations(endpoint, doc);
  const name = `${endpoint.method} ${endpoint.path}`;
  if (operations.length === 0) return [`${name} is missing`];
  const param = (op: Operation, key: string) =>
    op.parameters?.find((p) => p.in === 'query' && p.name === key);
  const missing = endpoint.query
    .filter((key) => !operations.every((op) => param(op, key)))
    .map((key) => `${name}: query parameter ${key} is missing`);
  const refused = endpoint.ranges
    .filter((preset) => !operations.every((op) => param(op, 'range')?.schema?.enum?.includes(preset)))
    .map((preset) => `${name}: range=${preset} is not accepted`);
  return [...missing, ...refused];
}

/** `…` in the contract stands for any text (`/api/v1/badge/…svg`). */
function findOperations(endpoint: ContractEndpoint, doc: OpenApiLike): Operation[] {
  const pattern = new RegExp(`^${endpoint.path.split('…').map(escapeRegExp).join('.*')}$`);
  return Object.entries((doc.paths ?? {}) as PathItems)
    .filter(([path]) => pattern.test(path))
    .map(([, item]) => item?.[endpoint.method.toLowerCase()])
    .filter((op): op is Operation => op !== undefined);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function responseSchema(operation: Operation): SchemaNode | null {
  const content = operation.responses?.['200']?.content ?? {};
  const json = Object.entries(content).find(([type]) => type.startsWith('application/json'));
  return json?.[1].schema ?? null;
}

function hasField(schema: SchemaNode, path: readonly string[], doc: OpenApiLike): boolean {
  const [head, ...rest] = path;
  if (head === undefined) return true;
  return objectsOf(schema, doc).some((node) => {
    const child = node.properties?.[head];
    return child !== undefined && hasField(child, rest, doc);
  });
}

/** The object schemas a node may be: through $ref, array items and anyOf/oneOf/allOf. */
function objectsOf(node: SchemaNode, doc: OpenApiLike, depth = 0): SchemaNode[] {
  if (depth > 20) return [];
  const next = (child: SchemaNode) => objectsOf(child, doc, depth + 1);
  if (node.$ref) {
    const schemas = (doc.components?.schemas ?? {}) as Record<string, SchemaNode | undefined>;
    const target = schemas[node.$ref.replace('#/components/schemas/', '')];
    return target ? next(target) : [];
  }
  const unions = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])].flatMap(next);
  const items = node.items ? next(node.items) : [];
  return [...(node.properties ? [node] : []), ...unions, ...items];
}
