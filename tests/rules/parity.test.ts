/** The headless rules and boardgame.io's engine produce the same state, byte for byte, for the same seed and actions. */
import { streamFrom } from '../../src/random';
import { Client } from 'boardgame.io/client';
import { describe, expect, it } from 'vitest';
import { EastAsiaTomorrow } from '../../src/rules/game';
import { actingSeat, applyAction, legalMoves } from '../../src/rules/engine';
import { playerOf } from '../../src/rules/players';
import type { Action } from '../../src/rules/state';
import { hashState } from '../../src/content/save-file';
import { newMatch } from './helpers';

describe('engine parity', () => {
  it.each([
    ['baseline-2023', 4],
    ['taiwan-strait-crisis', 3],
    ['korean-peninsula-crisis', 2],
  ] as const)('%s (%i seats): headless and boardgame.io agree after a full game', (scenario, variant) => {
    const seed = `parity-${scenario}`;
    const m = newMatch(scenario, variant, seed);
    const rng = streamFrom(`${seed}/policy`);
    const actions: { player: string; action: Action }[] = [];
    for (let i = 0; i < 3000 && !m.G.result; i++) {
      const seat = actingSeat(m.G)!;
      const moves = legalMoves(m.G, seat);
      const action = moves[Math.floor(rng() * moves.length)]!;
      const player = playerOf(m.G, seat)!;
      actions.push({ player, action });
      applyAction(m.G, seat, action, m.dice);
    }
    const client = Client({
      game: { ...EastAsiaTomorrow, seed, setup: (ctx, _d) => EastAsiaTomorrow.setup!(ctx, { scenario, variant }) },
      numPlayers: variant,
    });
    client.start();
    for (const { player, action } of actions) {
      client.updatePlayerID(player);
      (client.moves[action.move] as (...a: unknown[]) => void)(...action.args);
    }
    expect(hashState((client as unknown as { store: { getState(): { G: unknown } } }).store.getState().G)).toBe(
      hashState(m.G),
    );
    client.stop();
  });
});
