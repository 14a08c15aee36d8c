import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // 'server-only' throws outside React's server build; unit tests run server modules directly.
      'server-only': fileURLToPath(new URL('./lib/testing/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.ts',
      'e2e/harness/**/*.test.ts',
      'deploy/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    // The run's temporary folders in one folder of its own, removed at the end (lib/testing/unit-tmpdir.ts).
    globalSetup: ['./lib/testing/unit-tmpdir.ts'],
  },
});
