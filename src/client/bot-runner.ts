/** Asks the bot worker for a move; one request at a time per seat, answered by id. */
import type { BotSpec } from '../content/bot-spec';
import type { Seat } from '../content/ids';
import type { GameState } from '../rules';
import type { BotChoice } from './bot-brain';

export interface BotRequest {
  id: number;
  view: GameState;
  seat: Seat;
  bot: BotSpec;
  rngSeed: string;
}
export type BotReply = ({ id: number } & BotChoice) | { id: number; error: string };

export class BotRunner {
  private worker: Worker;
  private next = 1;
  private waiting = new Map<number, { resolve: (c: BotChoice) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker = new Worker(new URL('./bot-worker.ts', import.meta.url), { type: 'module', name: 'bots' });
    this.worker.onmessage = (e: MessageEvent<BotReply>) => {
      const w = this.waiting.get(e.data.id);
      if (!w) return;
      this.waiting.delete(e.data.id);
      if ('error' in e.data) w.reject(new Error(e.data.error));
      else w.resolve({ action: e.data.action, why: e.data.why });
    };
    this.worker.onerror = (e) => {
      for (const w of this.waiting.values()) w.reject(new Error(`bot worker failed: ${e.message}`));
      this.waiting.clear();
    };
  }

  choose(view: GameState, seat: Seat, bot: BotSpec, rngSeed: string): Promise<BotChoice> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // The view is plain JSON; structured clone copies it, so the bot cannot touch the live state.
      this.worker.postMessage({ id, view, seat, bot, rngSeed } satisfies BotRequest);
    });
  }

  stop(): void {
    this.worker.terminate();
    this.waiting.clear();
  }
}
