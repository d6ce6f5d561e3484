/** The worker-thread bot: the same decision as the in-thread bot for the same stream, and the event loop stays free. */
import { afterAll, describe, expect, it } from 'vitest';
import type { State } from 'boardgame.io';
import { InitializeGame, ProcessGameConfig } from 'boardgame.io/internal';
import { EastAsiaTomorrow, playerView, type GameState } from '../../src/rules';
import { actorOf, eastAsiaBot } from '../../src/server/east-asia';
import { workerBot } from '../../src/server/bot-pool';
import { drawSeed, streamFrom } from '../../src/random';

const bot = workerBot({ timeoutMs: 30_000 });
afterAll(() => bot.close());

function firstView(): { view: State; playerID: string } {
  const game = ProcessGameConfig({ ...EastAsiaTomorrow, seed: 'bot-pool-test' });
  const state = InitializeGame({ game, numPlayers: 4, setupData: { scenario: 'baseline-2023', variant: 4 } });
  const playerID = actorOf(state)!;
  const { random: _r, ...plugins } = state.plugins;
  return { view: { ...state, plugins, G: playerView(state.G as GameState, playerID) }, playerID };
}

describe('workerBot', () => {
  it('decides in the worker exactly what the in-thread bot decides from the same per-decision seed', async () => {
    const { view, playerID } = firstView();
    for (const level of ['3', 'random']) {
      const fromWorker = await bot(view, playerID, level, streamFrom(`decision:${level}`));
      const seed = drawSeed(streamFrom(`decision:${level}`));
      const inThread = await eastAsiaBot(view, playerID, level, streamFrom(seed));
      expect(fromWorker).not.toBeNull();
      expect(fromWorker).toEqual(inThread);
    }
    expect(bot.decisions).toBeGreaterThanOrEqual(2);
  });

  it('keeps the event loop free while an expert decides', async () => {
    const { view, playerID } = firstView();
    let last = Date.now();
    let maxGap = 0;
    const timer = setInterval(() => {
      const now = Date.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 5);
    const started = Date.now();
    const choice = await bot(view, playerID, 'expert', streamFrom('expert-decision'));
    const took = Date.now() - started;
    clearInterval(timer);
    expect(choice?.move).toBeTypeOf('string');
    // The search ran elsewhere: the main thread's timer never waited for it.
    expect(took).toBeGreaterThan(0);
    expect(maxGap).toBeLessThan(Math.max(150, took / 2));
  });
});
