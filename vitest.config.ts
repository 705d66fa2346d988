import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    env: { DOTENV_CONFIG_QUIET: 'true' },
    // One throwaway PostgreSQL cluster per run for the store suites (test/postgres/).
    globalSetup: ['test/postgres/global-setup.ts'],
  },
});
