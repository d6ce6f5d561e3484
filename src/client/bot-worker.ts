/** Web Worker entry: runs the bot off the main thread so the page never freezes while it thinks. */
import { chooseAction } from './bot-brain';
import type { BotRequest, BotReply } from './bot-runner';

self.onmessage = (e: MessageEvent<BotRequest>) => {
  const { id, view, seat, bot, rngSeed } = e.data;
  let reply: BotReply;
  try {
    reply = { id, ...chooseAction(view, seat, bot, rngSeed) };
  } catch (err) {
    reply = { id, error: (err as Error).message };
  }
  (self as unknown as Worker).postMessage(reply);
};
