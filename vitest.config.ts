import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Tests that start servers and read real folders share two cores with the e2e browser.
    testTimeout: 20_000,
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
