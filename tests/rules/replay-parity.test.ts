/**
 * The game's one replay (src/rules/replay.ts, pure rules) reaches exactly the state boardgame.io's
 * engine reaches from the same save: on the shipped saves and on the golden playthroughs saved as files.
 * A corrupted save is refused with the action named, and the save itself is left as it was.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSave, hashState, parseSaveFile, type SaveAction, type SaveFile } from '../../src/content/save-file';
import { createDice } from '../../src/random';
import { replaySaved, ReplayError } from '../../src/rules';
import { engineGame, realRules } from '../../src/sim/real-rules';
import { replayThroughEngine } from '../helpers/engine-replay';
import { newMatch } from './helpers';
import { streamFrom } from '../../src/random';
import { actingSeat, applyAction, legalMoves, playerOf } from '../../src/rules';

const SHIPPED = ['tests/report/fixtures/seminar-game.json', 'docs/examples/seminar-game.json'];

/** A golden-style playthrough (random legal moves from a seeded policy) as a save file. */
function goldenSave(scenario: string, variant: 2 | 3 | 4, seed: string): SaveFile {
  const m = newMatch(scenario, variant, seed);
  const rng = streamFrom(`${seed}/policy`);
  const actions: SaveAction[] = [];
  while (!m.G.result) {
    const seat = actingSeat(m.G)!;
    const moves = legalMoves(m.G, seat);
    const action = moves[Math.floor(rng() * moves.length)]!;
    const player = playerOf(m.G, seat)!;
    actions.push({ player, seat, move: action.move, args: action.args });
    applyAction(m.G, seat, action, m.dice);
  }
  return buildSave({ scenario, variant, seed, actions }, m.G);
}

const pure = (save: SaveFile) => hashState(replaySaved(save, createDice(save.seed)).G);

describe('the one replay agrees with boardgame.io', () => {
  it.each(SHIPPED)(
    '%s: same final hash, the recorded one',
    (file) => {
      const save = parseSaveFile(readFileSync(file, 'utf8'), file);
      expect(pure(save)).toBe(save.finalHash);
      expect(replayThroughEngine(engineGame(), realRules, save).hash).toBe(save.finalHash);
    },
    60_000,
  );

  it.each([
    ['baseline-2023', 4, 'golden-1'],
    ['taiwan-strait-crisis', 3, 'golden-4'],
    ['korean-peninsula-crisis', 2, 'golden-7'],
  ] as const)(
    '%s (%i seats, seed %s) saved and replayed',
    (scenario, variant, seed) => {
      const save = parseSaveFile(JSON.stringify(goldenSave(scenario, variant, seed)));
      expect(pure(save)).toBe(save.finalHash);
      expect(replayThroughEngine(engineGame(), realRules, save).hash).toBe(save.finalHash);
    },
    60_000,
  );

  it('refuses a corrupted save naming the action, and leaves the save untouched', () => {
    const save = parseSaveFile(readFileSync(SHIPPED[0]!, 'utf8'));
    const bad: SaveFile = structuredClone(save);
    const i = bad.actions.findIndex((a, n) => n > 2 && a.seat !== 'white');
    bad.actions[i] = { ...bad.actions[i]!, args: ['nowhere', 99] };
    const before = structuredClone(bad);
    expect(() => replaySaved(bad, createDice(bad.seed))).toThrow(ReplayError);
    expect(() => replaySaved(bad, createDice(bad.seed))).toThrow(
      new RegExp(`^action #${i} \\(.*"nowhere",99\\]\\): the rules refuse it`),
    );
    expect(bad).toEqual(before);
  });
});
