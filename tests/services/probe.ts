/**
 * Which outside services the cluster suites (tests/services/) can reach. They run against real
 * PostgreSQL and Redis; a machine without them still passes `npm test` and says, in one line, what was
 * skipped and how to run it. CI sets EAT_REQUIRE_SERVICES=1, so there a missing service fails the run.
 */
import { connect } from 'node:net';

export const SERVICES = {
  redis: { env: 'TEST_REDIS_URL', url: 'redis://127.0.0.1:6379/0' },
  postgres: { env: 'TEST_DATABASE_URL', url: 'postgres://postgres@127.0.0.1:5432/test' },
} as const;

export type ServiceName = keyof typeof SERVICES;

/** The URL a suite should use for a service: the env variable if set, else the local default. */
export function serviceUrl(name: ServiceName): string {
  return process.env[SERVICES[name].env] || SERVICES[name].url;
}

function reachable(url: string, timeoutMs: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The services that answer a TCP connection now. */
export async function probeServices(timeoutMs = 1_000): Promise<ServiceName[]> {
  const names = Object.keys(SERVICES) as ServiceName[];
  const up = await Promise.all(names.map((name) => reachable(serviceUrl(name), timeoutMs)));
  return names.filter((_, i) => up[i]);
}
