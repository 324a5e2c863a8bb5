import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: more parallel files only fight over them (browser and PDS tests are heavy).
    maxWorkers: 2,
    // A page on a loaded CI machine can take seconds to load its code: polls wait for it rather than fail at 1 s.
    expect: { poll: { timeout: 15_000 } },
    // In CI, a test that fails once is run once more and reported as flaky: a machine loaded by the other test file
    // can leave a background job a step behind, while a broken feature fails both times.
    retry: process.env.CI ? 1 : 0,
    reporters: ['default'],
  },
});
