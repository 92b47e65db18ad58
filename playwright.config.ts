import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './src/node/browser/chromium-args';
import { findBrowser } from './src/node/browser/find-browser';

// The e2e tests find their browser the way `podium export` does (CHROME_PATH, then the usual
// install paths), so they run on a laptop with Chrome as on CI with Debian's Chromium.
// Playwright never downloads a browser of its own here.
export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  // A state waited for (a page ready, a slide shown) may take longer than Playwright's default 5 s
  // on a loaded 2-core machine: a deck page once took over 5 s to be ready beside four other jobs.
  expect: { timeout: 15_000 },
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findBrowser(), args: CHROMIUM_ARGS },
  },
});
