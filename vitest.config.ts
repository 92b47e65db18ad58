import { realpathSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The renderer's tests import CSS as URLs (reveal.js themes), which Vite serves only from allowed
  // folders: node_modules may be a link to a shared install outside the checkout.
  server: { fs: { allow: ['.', realpathSync('node_modules')] } },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Tests that start servers and read real folders share two cores with the e2e browser.
    testTimeout: 20_000,
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
