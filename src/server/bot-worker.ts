/**
 * The server's bot thread: decides bot moves off the event loop (an expert search takes long enough to
 * stall every match's socket otherwise). Each request carries the seat's filtered view and a
 * per-decision seed, so a decision is the same whether it runs here or in the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { streamFrom } from '../random';
import { eastAsiaBot } from './east-asia';
import type { BotChoice } from './bots';

export interface BotRequest {
  id: number;
  view: Parameters<typeof eastAsiaBot>[0];
  playerID: string;
  level: string;
  seed: string;
}
export type BotReply = { id: number; choice: BotChoice | null } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('bot-worker must run in a worker thread');

port.on('message', async (req: BotRequest) => {
  try {
    const choice = await eastAsiaBot(req.view, req.playerID, req.level, streamFrom(req.seed));
    port.postMessage({ id: req.id, choice } satisfies BotReply);
  } catch (err) {
    port.postMessage({ id: req.id, error: (err as Error).stack ?? String(err) } satisfies BotReply);
  }
});
