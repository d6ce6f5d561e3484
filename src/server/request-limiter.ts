/**
 * Per-client rate limits (lobby creates, joins, every API request) on rate-limiter-flexible. This is
 * the one module that knows the library: a cluster swaps the memory store for a shared one (Redis)
 * here and nowhere else.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** `points` requests per `seconds`-long window. */
export interface Quota {
  points: number;
  seconds: number;
}

export interface RequestLimiter {
  /** Spends one point of `key`'s quota: null when allowed, else the seconds to wait. */
  take(key: string): Promise<number | null>;
}

/** A limiter with the quota kept in this process's memory. */
export function memoryLimiter(name: string, quota: Quota): RequestLimiter {
  return fromStore(new RateLimiterMemory({ keyPrefix: name, points: quota.points, duration: quota.seconds }));
}

/** Makes the limiter of one quota (memory in one process, Redis in a cluster). */
export type LimiterFactory = (name: string, quota: Quota) => RequestLimiter;

/**
 * A limiter whose quota every instance of a cluster shares in Redis (keys under `prefix`). While Redis
 * is unreachable each instance counts in its own memory instead of refusing or admitting everyone.
 */
export function redisLimiters(redis: Redis, prefix: string): LimiterFactory {
  return (name, quota) =>
    fromStore(
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}limit:${name}`,
        points: quota.points,
        duration: quota.seconds,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points: quota.points, duration: quota.seconds }),
      }),
    );
}

function fromStore(store: RateLimiterAbstract): RequestLimiter {
  return {
    take: async (key) => {
      try {
        await store.consume(key);
        return null;
      } catch (res) {
        // The store rejects with a RateLimiterRes when the quota is spent, with an Error when it failed.
        if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw res;
      }
    },
  };
}
