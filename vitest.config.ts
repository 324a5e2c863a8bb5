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
    reporters: ['default'],
  },
});
