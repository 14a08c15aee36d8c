import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/harness/chromium';

// The shared harness app and the specs' own apps run with sign-in off unless a spec says otherwise (the access
// specs do): the other specs are about what hapscope shows, and every app they start inherits this.
process.env.AUTH_MODE ??= 'none';

// Specs run against a production build and a real HAProxy started by e2e/harness/e2e-server.ts.
// Chromium comes from Debian (/usr/bin/chromium): never a browser downloaded by Playwright.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 60_000,
  use: {
    baseURL: 'http://127.0.0.1:18480',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: 'npx tsx e2e/harness/e2e-server.ts',
    url: 'http://127.0.0.1:18480/api/v1/health',
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    // Without this Playwright SIGKILLs the process group and the harness cannot stop HAProxy cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
