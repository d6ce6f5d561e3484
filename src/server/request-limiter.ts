/**
 * Per-client rate limits (lobby creates, joins, every API request) on rate-limiter-flexible. This is
 * the one module that knows the library: a cluster swaps the memory store for a shared one (Redis)
 * here and nowhere else.
 */
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

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
