/**
 * The instance's link to the cluster's Redis (`REDIS_URL`): one connection for commands, one that
 * only listens (Redis puts a subscribed connection in a mode where it cannot run commands), every
 * key and channel under one prefix (`REDIS_PREFIX`) so several deployments or test runs can share
 * one Redis, and a random id naming this instance in leases and logs.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export interface ClusterLink {
  /** Commands (leases, rate limits, publishing). */
  redis: Redis;
  /** The subscribed connection (the match bus). */
  sub: Redis;
  prefix: string;
  /** This instance's name in leases and logs. */
  instance: string;
  close(): Promise<void>;
}

export class ClusterConfigError extends Error {}

function open(url: string): Redis {
  // Commands wait while Redis is briefly away (reconnecting) instead of failing the request at once.
  const r = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  r.on('error', () => undefined); // readiness (/readyz) reports it; ioredis would print every retry
  return r;
}

/** Connects both connections, or throws an Error naming the URL and the cause. */
export async function connectCluster(url: string, prefix = 'eat:'): Promise<ClusterLink> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ClusterConfigError(`REDIS_URL must be a URL such as redis://127.0.0.1:6379, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new ClusterConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got ${JSON.stringify(url)}`);
  const redis = open(url);
  const sub = open(url);
  try {
    await Promise.all([redis.connect(), sub.connect()]);
  } catch (err) {
    redis.disconnect();
    sub.disconnect();
    throw new ClusterConfigError(`REDIS_URL ${parsed.host}: cannot connect (${(err as Error).message})`);
  }
  return {
    redis,
    sub,
    prefix,
    instance: `${process.pid}-${randomBytes(4).toString('hex')}`,
    close: async () => {
      await Promise.allSettled([redis.quit(), sub.quit()]);
    },
  };
}
