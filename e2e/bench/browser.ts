/** Debian's Chromium for a bench, closed on every way out of the run (children.ts). */
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/chromium';
import { onCleanup } from './children';

export interface BenchBrowser {
  browser: Browser;
  /** Closes it (an error closing is ignored: the run is ending) and drops its cleanup. */
  close(): Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  // Signals are ours to handle (children.ts): Playwright would exit before the app is stopped.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const forget = onCleanup(() => browser.close());
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      forget();
    },
  };
}
