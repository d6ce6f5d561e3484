/**
 * `workerBot`: the server's BotPlayer with every decision made in a worker thread (bot-worker.ts), so
 * an expert's search never blocks the sockets of other matches. The per-decision stream that BotSeats
 * hands over is turned into a seed string (four draws), which the worker expands again: decisions stay
 * deterministic for a given match secret, seat and state. A crashed or stuck worker is replaced and
 * that one decision falls back to the quick random bot in the main thread, so a match never stalls.
 */
import { Worker } from 'node:worker_threads';
import { drawSeed, streamFrom } from '../random';
import { typeScriptWorker } from '../sim/ts-worker';
import type { BotChoice, BotPlayer } from './bots';
import type { BotReply, BotRequest } from './bot-worker';
import { eastAsiaBot } from './east-asia';
import type { Logger } from './log';

export interface WorkerBotOptions {
  logger?: Logger;
  /** Longest a decision may take before the worker is replaced (ms). */
  timeoutMs?: number;
}

export interface WorkerBot extends BotPlayer {
  /** Ends the worker (it never keeps the process alive anyway). */
  close(): Promise<void>;
  /** Decisions made in the worker, for tests. */
  readonly decisions: number;
}

/** The worker thread: the compiled bot-worker.js beside the built server (npm start), else the TypeScript under tsx. */
function spawn(): Worker {
  const w = import.meta.url.endsWith('.js')
    ? new Worker(new URL('./bot-worker.js', import.meta.url))
    : typeScriptWorker(new URL('./bot-worker.ts', import.meta.url));
  w.unref();
  return w;
}

export function workerBot(opts: WorkerBotOptions = {}): WorkerBot {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  let worker: Worker | null = null;
  let nextId = 1;
  let decisions = 0;
  const pending = new Map<number, { ok: (c: BotChoice | null) => void; fail: (e: Error) => void }>();

  const drop = (w: Worker, why: string) => {
    if (worker !== w) return;
    worker = null;
    void w.terminate();
    for (const p of pending.values()) p.fail(new Error(why));
    pending.clear();
  };
  const get = (): Worker => {
    if (worker) return worker;
    const w = spawn();
    w.on('message', (r: BotReply) => {
      const p = pending.get(r.id);
      if (!p) return;
      pending.delete(r.id);
      if ('error' in r) p.fail(new Error(r.error));
      else p.ok(r.choice);
    });
    w.on('error', (err) => drop(w, `bot worker failed: ${err.message}`));
    w.on('exit', (code) => drop(w, `bot worker exited (${code})`));
    worker = w;
    return w;
  };

  const decide = (req: Omit<BotRequest, 'id'>): Promise<BotChoice | null> =>
    new Promise((ok, fail) => {
      const w = get();
      const id = nextId++;
      const timer = setTimeout(() => drop(w, `bot decision took longer than ${timeoutMs} ms`), timeoutMs);
      timer.unref();
      pending.set(id, {
        ok: (c) => {
          clearTimeout(timer);
          decisions++;
          ok(c);
        },
        fail: (e) => {
          clearTimeout(timer);
          fail(e);
        },
      });
      w.postMessage({ id, ...req } satisfies BotRequest);
    });

  const player = (async (view, playerID, level, rng) => {
    const seed = drawSeed(rng);
    try {
      return await decide({ view, playerID, level, seed });
    } catch (err) {
      const matchID = (view as { matchID?: string }).matchID;
      opts.logger?.error('bot worker: falling back to the random bot for one decision', {
        matchID,
        playerID,
        event: 'bot-worker',
        err,
      });
      return eastAsiaBot(view, playerID, 'random', streamFrom(seed));
    }
  }) as WorkerBot;
  Object.defineProperty(player, 'decisions', { get: () => decisions });
  player.close = async () => {
    const w = worker;
    worker = null;
    for (const p of pending.values()) p.fail(new Error('bot worker closed'));
    pending.clear();
    if (w) await w.terminate();
  };
  return player;
}
