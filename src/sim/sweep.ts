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
}

export interface SweepResult {
  records: GameRecord[];
  summary: SweepSummary;
}

/** Worker → main messages. */
export type WorkerReply =
  { type: 'done'; records: { index: number; record: GameRecord }[] } | { type: 'error'; message: string };
/** Main → worker messages. */
export type WorkerTask = { type: 'run'; games: { index: number; seed: string }[] } | { type: 'stop' };

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
  } else if (workers === 1) {
    const run = createGameRunner(config);
    seeds.forEach((seed, index) => {
      records[index] = run(seed, index);
      opts.onProgress?.(index + 1, seeds.length);
    });
  } else {
    await runInWorkers(config, seeds, workers, records, opts.onProgress);
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

/** A worker playing games: the sweep's TypeScript module under tsx's loader. */
function spawnWorker(config: RunnerConfig): Worker {
  return typeScriptWorker(new URL('./sweep-worker.ts', import.meta.url), { workerData: config });
}

function runInWorkers(
  config: RunnerConfig,
  seeds: string[],
  count: number,
  records: (GameRecord | undefined)[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const batch = batchSize(seeds.length, count);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let failed = false;
    const finish = (err?: Error) => {
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const feed = (w: Worker) => {
      if (next >= seeds.length) {
        w.postMessage({ type: 'stop' } satisfies WorkerTask);
        return;
      }
      const games = seeds.slice(next, next + batch).map((seed, k) => ({ index: next + k, seed }));
      next += games.length;
      w.postMessage({ type: 'run', games } satisfies WorkerTask);
    };
    let stopped = 0;
    for (let i = 0; i < count; i++) {
      const w = spawnWorker(config);
      pool.push(w);
      w.on('message', (msg: WorkerReply) => {
        if (failed) return;
        if (msg.type === 'error') {
          failed = true;
          finish(new Error(msg.message));
          return;
        }
        for (const { index, record } of msg.records) records[index] = record;
        done += msg.records.length;
        onProgress?.(done, seeds.length);
        feed(w);
      });
      w.on('error', (err) => {
        if (!failed) {
          failed = true;
          finish(err);
        }
      });
      w.on('exit', () => {
        stopped += 1;
        if (!failed && stopped === count) {
          if (done === seeds.length) finish();
          else finish(new Error(`sweep: workers exited after ${done} of ${seeds.length} games`));
        }
      });
      feed(w);
    }
  });
}
