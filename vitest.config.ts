import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    pool: 'forks',
    // Both cores (vitest's default leaves one idle), and modules loaded once per
    // worker rather than once per file: importing mathjs, zod and ink again for
    // every file cost more than the tests. Tests therefore keep no global state.
    maxWorkers: 2,
    isolate: false,
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup-fast-check.ts'],
  },
});
