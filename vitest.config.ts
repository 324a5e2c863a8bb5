import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: more parallel files only fight over them (browser and PDS tests are heavy).
    maxWorkers: 2,
    reporters: ['default'],
  },
});
