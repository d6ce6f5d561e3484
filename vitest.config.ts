import { defineConfig } from 'vitest/config';
import { probeServices, SERVICES, serviceUrl } from './tests/services/probe.ts';

// Three projects: fast unit tests (in parallel); end-to-end tests (real server, real Chromium) run
// one file at a time after the unit tests, with generous timeouts; and the cluster suites against
// real PostgreSQL and Redis (tests/services/), also one file at a time. `npx vitest run --project X`
// runs one. Sized for a 2-core CI machine. E2E tests need the production client: their own setup
// builds it (vite build) when missing, so `npm test` stays the single command.
export default defineConfig(async () => {
  const up = await probeServices();
  const down = (Object.keys(SERVICES) as (keyof typeof SERVICES)[]).filter((name) => !up.includes(name));
  if (down.length > 0) {
    const where = down.map((name) => `${name} at ${serviceUrl(name)}`).join(' and ');
    if (process.env.EAT_REQUIRE_SERVICES === '1')
      throw new Error(`EAT_REQUIRE_SERVICES=1 but ${where} cannot be reached: the cluster suites must run here`);
    process.stderr.write(
      `note: skipped the cluster suites (tests/services/): ${where} not reachable. To run them, start PostgreSQL and Redis (docs/DEPLOY.md) or point ${down.map((n) => SERVICES[n].env).join('/')} at them.\n`,
    );
  }
  return {
    test: {
      maxWorkers: 2,
      projects: [
        {
          test: {
            name: 'unit',
            include: ['tests/**/*.test.ts'],
            exclude: ['tests/e2e/**', 'tests/services/**', '**/node_modules/**'],
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
        ...(down.length === 0
          ? [
              {
                test: {
                  name: 'services',
                  include: ['tests/services/**/*.test.ts'],
                  environment: 'node',
                  fileParallelism: false,
                  testTimeout: 120_000,
                  hookTimeout: 120_000,
                  sequence: { groupOrder: 2 },
                },
              },
            ]
          : []),
      ],
    },
  };
});
