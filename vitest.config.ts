import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (in parallel) and end-to-end tests (real server, real Chromium) run
// one file at a time after the unit tests, with generous timeouts. `npx vitest run` runs both;
// `npx vitest run --project unit` or `--project e2e` runs one. Sized for a 2-core CI machine.
// E2E tests need the production client: their own setup builds it (vite build) when missing, so
// `npm test` stays the single command and nothing is skipped.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['tests/e2e/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
