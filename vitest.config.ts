import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // A timeout is there to catch a hang, not slowness: the suite must pass on a machine at load 12
    // or more, where the heaviest property tests take several times their idle 10 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Both cores (vitest's default leaves one idle), and modules loaded once per
    // worker rather than once per file: importing mathjs, zod and ink again for
    // every file cost more than the tests. Tests therefore keep no global state.
    maxWorkers: 2,
    isolate: false,
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup-fast-check.ts', 'tests/setup-seams.ts'],
    // ink draws nothing but the last frame when it believes it runs in CI (is-in-ci reads
    // CI / CONTINUOUS_INTEGRATION when ink is imported); the screen tests need the live frames.
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
  },
});
