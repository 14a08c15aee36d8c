import { expect, test } from 'vitest';
import type { SnapshotDto } from '@/lib/api/snapshot-dto';
import { findBackend, findServer } from './find-target';

const snapshot = {
  generatedAt: '',
  pollIntervalMs: 1000,
  instances: [{ name: 'main' }, { name: 'sock' }],
  backends: [{ instance: 'main', name: 'web', servers: [{ name: 'w1' }] }],
} as unknown as SnapshotDto;

test.each([
  [['main', 'web'], null],
  [['main', 'foo'], 'No backend “foo” on instance “main”'],
  [['eu', 'web'], 'No instance “eu” (known: “main”, “sock”)'],
])('findBackend(%j) → %s', ([instance, backend], message) => {
  const found = findBackend(snapshot, instance!, backend!);
  expect(found.ok ? null : found.message).toBe(message);
});

test('findServer names the server, backend and instance it looked for', () => {
  const found = findServer(snapshot, 'main', 'web', 'w9');
  expect(found.ok ? null : found.message).toBe('No server “w9” in backend “web” on instance “main”');
  expect(findServer(snapshot, 'main', 'web', 'w1').ok).toBe(true);
});
