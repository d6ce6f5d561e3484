/**
 * Seed sweeps across machines: the seed list is cut into jobs on a BullMQ queue in Redis, any number
 * of `npm run sim:worker` processes (on any machine) play them, and the producer puts the records back
 * in seed order before summing, so the summary is byte-identical to a local run with the same seed.
 * A job is a pure function of its data (scenario, bots, seeds), so a job re-run after a worker died
 * gives the same records: BullMQ's stalled-job recovery is all the fault tolerance a sweep needs.
 */
import { createHash } from 'node:crypto';
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { GameRecord } from './record';
import { scenarioById } from '../content/scenario';
import { createGameRunner, type RunnerConfig } from './sweep-runner';

/** The queue every sweep producer and worker meets on (one Redis can serve many sweeps at once). */
export const SWEEP_QUEUE = 'eat-sweep';

/** One job: a batch of games of one sweep. */
export interface SweepJob {
  sweep: string;
  config: RunnerConfig;
  /** Hash of the scenario file the producer read: a worker on other code or content refuses the job. */
  scenarioHash: string;
  games: { index: number; seed: string }[];
}

export type SweepJobResult = { index: number; record: GameRecord }[];

export class QueueError extends Error {}

/** A short content hash of a scenario, so producer and workers prove they play the same game. */
export function scenarioHash(scenario: string): string {
  const parsed = scenarioById(scenario);
  if (!parsed) throw new QueueError(`unknown scenario "${scenario}"`);
  return createHash('sha256').update(JSON.stringify(parsed)).digest('hex').slice(0, 16);
}

/** An ioredis connection for BullMQ; `failFast` gives up after a few tries instead of retrying forever. */
export function redisConnection(url: string, failFast: boolean): Redis {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueError(`--queue must be a Redis URL such as redis://127.0.0.1:6379, got "${url}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new QueueError(`--queue must be a redis:// or rediss:// URL, got "${url}"`);
  return new Redis(url, {
    maxRetriesPerRequest: null, // BullMQ's blocking commands need it
    lazyConnect: true,
    retryStrategy: failFast ? (times) => (times > 3 ? null : 200 * times) : (times) => Math.min(times * 500, 5_000),
  });
}

/** Connects, or explains which Redis could not be reached and why. */
export async function connectRedis(url: string, failFast: boolean): Promise<Redis> {
  const redis = redisConnection(url, failFast);
  redis.on('error', () => {}); // reported below or retried; ioredis would otherwise print every attempt
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new QueueError(`cannot reach Redis at ${url}: ${(err as Error).message}`);
  }
  return redis;
}

/** One sweep's games as the producer hands them to the queue; `records` is filled in seed order. */
export interface QueuedSweep {
  sweep: string;
  config: RunnerConfig;
  seeds: string[];
  /** Games per job. */
  batch: number;
  records: (GameRecord | undefined)[];
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Plays the sweep's seeds on the queue at `url`. Rejects with the first failed job's reason (e.g. a
 * worker on a different scenario file), after withdrawing this sweep's waiting jobs.
 */
export async function runOnQueue(url: string, sweep: QueuedSweep): Promise<void> {
  if (sweep.config.saveDir) throw new QueueError('saved-game files cannot be written by remote workers');
  const connection = await connectRedis(url, true);
  try {
    await playOnQueue(connection, sweep);
  } catch (err) {
    throw err instanceof QueueError ? err : new QueueError(`the sweep queue failed: ${(err as Error).message}`);
  } finally {
    connection.disconnect();
  }
}

async function playOnQueue(
  connection: Redis,
  { sweep, config, seeds, batch, records, onProgress }: QueuedSweep,
): Promise<void> {
  const queue = new Queue<SweepJob, SweepJobResult>(SWEEP_QUEUE, { connection });
  const events = new QueueEvents(SWEEP_QUEUE, { connection: connection.duplicate() });
  try {
    await events.waitUntilReady();
    const hash = scenarioHash(config.scenario);
    const jobs: {
      name: string;
      data: SweepJob;
      opts: { jobId: string; removeOnComplete: { age: number }; removeOnFail: { age: number } };
    }[] = [];
    for (let start = 0; start < seeds.length; start += batch) {
      const games = seeds.slice(start, start + batch).map((seed, k) => ({ index: start + k, seed }));
      jobs.push({
        name: 'games',
        data: { sweep, config, scenarioHash: hash, games },
        // An hour's grace: a producer that died leaves nothing behind for long.
        opts: { jobId: `${sweep}-${start}`, removeOnComplete: { age: 3600 }, removeOnFail: { age: 3600 } },
      });
    }
    const added = await queue.addBulk(jobs);
    let done = 0;
    const finished = added.map(async (job) => {
      const result = (await job.waitUntilFinished(events)) as SweepJobResult;
      for (const { index, record } of result) records[index] = record;
      done += result.length;
      onProgress?.(done, seeds.length);
    });
    for (const wait of finished) wait.catch(() => {}); // the first failure is reported below; the rest are moot
    try {
      await Promise.all(finished);
    } catch (err) {
      throw new QueueError(`a sweep job failed: ${(err as Error).message}`);
    } finally {
      // Withdraw what is left of this sweep (waiting jobs after a failure, finished ones always).
      for (const job of added) await job.remove().catch(() => {});
    }
    const missing = records.findIndex((r) => r === undefined);
    if (missing >= 0) throw new QueueError(`the queue returned no record for game ${missing} (${seeds[missing]})`);
  } finally {
    await events.close();
    await queue.close();
  }
}

export interface QueueWorker {
  /** Finishes the games in hand, then disconnects. */
  close(): Promise<void>;
}

/** Plays sweep jobs from the queue until closed, one batch at a time (a game is CPU-bound). */
export async function startQueueWorker(
  url: string,
  onBatch?: (job: SweepJob, ms: number) => void,
): Promise<QueueWorker> {
  const connection = await connectRedis(url, false);
  const runners = new Map<string, (seed: string, index: number) => GameRecord>();
  const hashes = new Map<string, string>();
  const worker = new Worker<SweepJob, SweepJobResult>(
    SWEEP_QUEUE,
    async (job: Job<SweepJob>) => {
      const { sweep, config, games } = job.data;
      const hash = hashes.get(config.scenario) ?? scenarioHash(config.scenario);
      hashes.set(config.scenario, hash);
      if (hash !== job.data.scenarioHash)
        throw new Error(
          `this worker's scenario "${config.scenario}" differs from the producer's (hash ${hash} ≠ ${job.data.scenarioHash}): run the same version of the game everywhere`,
        );
      let run = runners.get(sweep);
      if (!run) {
        runners.clear(); // one sweep at a time is the common case; keep memory flat
        run = createGameRunner({ ...config, saveDir: undefined });
        runners.set(sweep, run);
      }
      const start = performance.now();
      const result = games.map(({ index, seed }) => ({ index, record: run(seed, index) }));
      onBatch?.(job.data, performance.now() - start);
      return result;
    },
    // Short locks so a killed worker's batch is handed to another within seconds.
    { connection, concurrency: 1, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5 },
  );
  worker.on('error', () => {}); // connection trouble: ioredis reconnects on its own
  await worker.waitUntilReady();
  return {
    close: async () => {
      await worker.close();
      connection.disconnect();
    },
  };
}
