import { defineConfig } from 'vitest/config';

const reporters = process.env.VITEST_JSON
  ? ['default', ['json', { outputFile: process.env.VITEST_JSON }]]
  : ['default'];

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    setupFiles: ['tests/setup/vitest-setup.ts'],
    environment: 'node',
    reporters: reporters as never,
    testTimeout: 20_000,
    pool: 'forks',
  },
});
