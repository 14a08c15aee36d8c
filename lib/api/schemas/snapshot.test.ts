import { expect, test } from 'vitest';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { BackendSchema } from './snapshot';

// The snapshot sends the domain backends as they are: every field they carry must be in the schema (zod drops
// keys it does not know, so a field missing from the schema makes the parsed copy differ).
test('the Backend schema describes every field the snapshot sends', () => {
  const backend = syntheticBackend('lb1', 'web', [
    syntheticServer('a', { pool: 'eu-a', node: 'n1' }),
    syntheticServer('b', { status: 'DOWN', transition: 'going-up' }),
  ]);
  expect(BackendSchema.parse(backend)).toEqual(backend);
});
