/**
 * The seed sweep: many headless games across worker threads. Games are handed out in small batches
 * and their records put back in seed order before anything is summed, so the numbers are identical
 * whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Seat, Variant } from '../content/ids';
import type { BranchFrom } from './branch';
import { formatBotSpec, type BotSpec } from '../content/bot-spec';
import { seedList } from '../random';
import { runOnQueue } from './queue';
import { typeScriptWorker } from './ts-worker';
import type { GameRecord } from './record';
import { summarize, type SweepSummary } from './stats';
import { createGameRunner, type RunnerConfig } from './sweep-runner';
import type { ScenarioPatch } from './vary';

export interface SweepOptions {
  scenario: string;
  variant: Variant;
  /** The lab seed; game i plays seed `seedList(seed, games)[i]`. */
  seed: string;
  games: number;
  bots: Record<Seat, BotSpec>;
  /** 1 runs in this thread; default: all cores. */
  workers?: number;
  /** Write every game's saved-game file here (`games/…json` under the --out dir). */
  saveDir?: string;
  /** Branch sweep: every game continues this saved game from the start of a turn (branch.ts). */
  from?: BranchFrom;
  /** Assumption sweep: this cell's changes to the scenario or the saved position (vary.ts). */
  patch?: ScenarioPatch;
  onProgress?: (done: number, total: number) => void;
  /** Play on a Redis job queue instead of local threads (queue.ts): the URL and this sweep's unique id. */
  queue?: { url: string; sweep: string };
  /** Play on these threads, kept for the next sweep (`workers` is then the pool's size). */
  pool?: SweepPool;
}

export interface SweepResult {
  records: GameRecord[];
  summary: SweepSummary;
}

/** Worker → main messages. */
export type WorkerReply =
  { type: 'done'; records: { index: number; record: GameRecord }[] } | { type: 'error'; message: string };
/** Main → worker messages: a sweep's config, then its games (SweepPool.close ends the thread). */
export type WorkerTask =
  { type: 'config'; config: RunnerConfig } | { type: 'run'; games: { index: number; seed: string }[] };

export function defaultWorkers(): number {
  return availableParallelism();
}

export async function runSweep(opts: SweepOptions): Promise<SweepResult> {
  const seeds = seedList(opts.seed, opts.games);
  const config: RunnerConfig = {
    scenario: opts.scenario,
    variant: opts.variant,
    bots: opts.bots,
    saveDir: opts.saveDir,
    ...(opts.from ? { from: opts.from } : {}),
    ...(opts.patch ? { patch: opts.patch } : {}),
  };
  const workers = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), Math.max(1, seeds.length)));
  const records: (GameRecord | undefined)[] = new Array(seeds.length);
  if (opts.queue) {
    await runOnQueue(opts.queue.url, {
      sweep: opts.queue.sweep,
      config,
      seeds,
      batch: batchSize(seeds.length, 4),
      records,
      onProgress: opts.onProgress,
    });
  } else if (opts.pool) {
    await runInWorkers(opts.pool, config, seeds, records, opts.onProgress);
  } else if (workers === 1) {
    const run = createGameRunner(config);
    seeds.forEach((seed, index) => {
      records[index] = run(seed, index);
      opts.onProgress?.(index + 1, seeds.length);
    });
  } else {
    const pool = new SweepPool(workers);
    try {
      await runInWorkers(pool, config, seeds, records, opts.onProgress);
    } finally {
      pool.close();
    }
  }
  const ordered = records as GameRecord[];
  const bots = Object.fromEntries(Object.entries(opts.bots).map(([s, b]) => [s, formatBotSpec(b)])) as Record<
    Seat,
    string
  >;
  return {
    records: ordered,
    summary: summarize({ scenario: opts.scenario, variant: opts.variant, seed: opts.seed, bots }, ordered),
  };
}

/** Small batches keep every core busy to the end and the progress bar moving. */
function batchSize(games: number, cores: number): number {
  return Math.max(1, Math.min(25, Math.ceil(games / (cores * 16))));
}

/**
 * Worker threads playing sweep games, started once (each costs about half a CPU-second of TypeScript
 * compiling) and reused by every sweep given the pool, one sweep at a time; close() ends them.
 */
export class SweepPool {
  readonly workers: Worker[] = [];
  private broken = false;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`SweepPool: need at least one worker, got ${size}`);
  }

  /** The threads, started on first use; a pool whose sweep failed is closed and cannot be reused. */
  threads(): Worker[] {
    if (this.broken) throw new Error('SweepPool: closed after a failed sweep');
    while (this.workers.length < this.size) this.workers.push(spawnWorker());
    return this.workers;
  }

  close(): void {
    this.broken = true;
    for (const w of this.workers) void w.terminate();
  }
}

/** A worker playing games: the sweep's TypeScript module under tsx's loader. */
function spawnWorker(): Worker {
  return typeScriptWorker(new URL('./sweep-worker.ts', import.meta.url));
}

function runInWorkers(
  pool: SweepPool,
  config: RunnerConfig,
  seeds: string[],
  records: (GameRecord | undefined)[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const threads = pool.threads().slice(0, Math.max(1, seeds.length));
  const batch = batchSize(seeds.length, threads.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    const detach = () => {
      for (const w of threads) {
        w.off('message', onMessage.get(w)!);
        w.off('error', fail);
        w.off('exit', exited);
      }
    };
    function fail(err: Error) {
      if (settled) return;
      settled = true;
      detach();
      pool.close();
      reject(err);
    }
    function exited() {
      fail(new Error(`sweep: a worker exited after ${done} of ${seeds.length} games`));
    }
    const feed = (w: Worker) => {
      if (next >= seeds.length) return;
      const games = seeds.slice(next, next + batch).map((seed, k) => ({ index: next + k, seed }));
      next += games.length;
      w.postMessage({ type: 'run', games } satisfies WorkerTask);
    };
    const onMessage = new Map<Worker, (msg: WorkerReply) => void>();
    for (const w of threads) {
      const handler = (msg: WorkerReply) => {
        if (settled) return;
        if (msg.type === 'error') {
          fail(new Error(msg.message));
          return;
        }
        for (const { index, record } of msg.records) records[index] = record;
        done += msg.records.length;
        onProgress?.(done, seeds.length);
        if (done === seeds.length) {
          settled = true;
          detach();
          resolve();
        } else feed(w);
      };
      onMessage.set(w, handler);
      w.on('message', handler);
      w.on('error', fail);
      w.on('exit', exited);
      w.postMessage({ type: 'config', config } satisfies WorkerTask);
      feed(w);
    }
  });
}
