/**
 * Per-client rate limits (lobby creates, joins, every API request) on rate-limiter-flexible. This is
 * the one module that knows the library: memory, the embedded SQLite file or a cluster's Redis.
 */
import type Database from 'better-sqlite3';
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/** `points` requests per `seconds`-long window. */
export interface Quota {
  points: number;
  seconds: number;
}

export interface RequestLimiter {
  /** Spends one point of `key`'s quota: null when allowed, else the milliseconds until the window ends. */
  take(key: string): Promise<number | null>;
}

/** The Retry-After of a refusal that ends in `ms`: whole seconds, at least 1. */
export const retryAfterS = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** The 429 message (`what`: the quota spent, e.g. "create"; none for the per-request brake). */
export const tooManyMessage = (what: string | undefined, seconds: number): string =>
  `${what ? `${what}: ` : ''}too many requests from your address; retry in ${seconds} s`;

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

/** The quotas' table in the embedded database (the library creates it: key, points, expire). */
const QUOTA_TABLE = 'rate_limits';

/**
 * Limiters whose quotas live in the server's SQLite database, so a restart does not hand every
 * address a fresh quota. `forget` deletes the windows that ended before `now` (the expiry sweep calls it).
 */
export function sqliteLimiters(db: Database.Database): {
  limiters: LimiterFactory;
  forget(now: number): Promise<void>;
} {
  let first: { store: RateLimiterSQLite; created: Promise<void> } | undefined;
  const limiters: LimiterFactory = (name, quota) => {
    let store!: RateLimiterSQLite;
    // The library creates its table a tick after construction; a request that early waits for it.
    const created = new Promise<void>((ok, fail) => {
      store = new RateLimiterSQLite(
        {
          storeClient: db,
          storeType: 'better-sqlite3',
          tableName: QUOTA_TABLE,
          keyPrefix: name,
          points: quota.points,
          duration: quota.seconds,
          // A spent quota is refused from memory until its window ends: a flood's refusals write nothing.
          inMemoryBlockOnConsumed: quota.points,
        },
        (err?: Error) => (err ? fail(err) : ok()),
      );
    });
    // A failed creation is reported by the requests that wait for it, not as an unhandled rejection.
    created.catch(() => undefined);
    first ??= { store, created };
    return fromStore(store, created);
  };
  const forget = async (now: number) => {
    if (!first) return;
    await first.created;
    // The quotas share one table, so one store's clean-up covers them all (the library leaves the method untyped).
    await (first.store as unknown as { clearExpired(nowMs: number): Promise<void> }).clearExpired(now);
  };
  return { limiters, forget };
}

function fromStore(store: RateLimiterAbstract, ready: Promise<void> = Promise.resolve()): RequestLimiter {
  return {
    take: async (key) => {
      await ready;
      try {
        await store.consume(key);
        return null;
      } catch (res) {
        // The store rejects with a RateLimiterRes when the quota is spent, with an Error when it failed.
        if (res instanceof RateLimiterRes) return Math.max(1, res.msBeforeNext);
        throw res;
      }
    },
  };
}
