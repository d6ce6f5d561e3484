/**
 * Cluster instances in one test process for the services suites: each with its own Redis connections
 * (src/server/cluster/) under one key prefix, all on one SQLite storage, closed after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { connectCluster, joinCluster, type Cluster, type ClusterLink } from '../../src/server/cluster';
import { createServer, type RunningServer } from '../../src/server/index';
import { memoryLogger } from '../../src/server/log';
import { SqliteStorage } from '../../src/server/storage';
import { SecretGame } from '../server/fixtures/secret-game';
import { secretLobby, sleep } from '../server/helpers';
import { serviceUrl } from './probe';

const REDIS = serviceUrl('redis');
export const PREFIX = `eat-test-cluster-${process.pid}-${Date.now()}:`;

export interface Instance {
  server: RunningServer;
  link: ClusterLink;
  cluster: Cluster;
  logs: ReturnType<typeof memoryLogger>;
  url: string;
  /** Dies without a goodbye: no lease given back, no socket closed politely. */
  die(): Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), 'eat-cluster-'));
export const storage = new SqliteStorage({ dataDir: dir, logger: memoryLogger() });
/** The instances alive now (a test that stops one itself takes it out with `forget`). */
export const running: Instance[] = [];

export function forget(inst: Instance): void {
  const i = running.indexOf(inst);
  if (i >= 0) running.splice(i, 1);
}

/** The test instances' lease and heartbeat time. */
export const LEASE_MS = 1500;

export async function instance(
  extra: Partial<Parameters<typeof createServer>[0]> = {},
  prefix = PREFIX,
): Promise<Instance> {
  const logs = memoryLogger();
  const link = await connectCluster(REDIS, prefix);
  // Short leases and heartbeats keep take-overs quick, yet outlast a loaded test process's event-loop stalls
  // (at 900 ms a stall let a live instance's heartbeat lapse and its seats count as gone).
  const cluster = joinCluster(link, logs, LEASE_MS);
  const server = await createServer({
    game: SecretGame,
    lobby: secretLobby,
    port: 0,
    host: '127.0.0.1',
    storage,
    logger: logs,
    clientDir: join(dir, 'no-client'),
    cluster,
    ...extra,
  });
  const inst: Instance = {
    server,
    link,
    cluster,
    logs,
    url: server.url,
    die: async () => {
      link.redis.disconnect();
      link.sub.disconnect();
      server.bots?.stop();
      server.clocks?.stop();
      await server.transport.close();
      forget(inst);
    },
  };
  running.push(inst);
  return inst;
}

afterEach(async () => {
  for (const i of running) {
    await i.server.close();
    await i.link.close();
  }
  running.length = 0;
});
afterAll(async () => {
  const link = await connectCluster(REDIS, PREFIX);
  const keys = await link.redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await link.redis.del(...keys);
  await link.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

export async function until(pred: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  for (const t0 = Date.now(); !(await pred());) {
    if (Date.now() - t0 > ms) throw new Error('condition not met in time');
    await sleep(20);
  }
}
