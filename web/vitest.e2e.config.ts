import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (Debian's, driven by playwright-core) against a running stack through its
// gateway (PIZZERIA_E2E_GATEWAY). One file at a time, tests in order within a file; each test makes its own data.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    reporters: ['default', 'junit'],
    outputFile: { junit: 'target/e2e/junit.xml' },
  },
});
