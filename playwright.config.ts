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
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findBrowser(), args: CHROMIUM_ARGS },
  },
});
