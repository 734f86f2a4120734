import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core (Vitest's default leaves a core free): much of the suite waits on
    // engines and Chromium in other processes. On 2 cores the suite takes 11 minutes instead of 14.
    maxWorkers: availableParallelism(),
    globalSetup: ['tests/setup/engineBundle.ts'],
  },
});
