/** LocalGame: a hot-seat game with a White Cell (its acts recorded, saved and replayed exactly), and the difficulty menu. */
import { describe, expect, it } from 'vitest';
import { levelHint, LocalGame, type GameSetup } from '../../src/client/local-game';
import { DEFAULT_BOT, parseBotSpec } from '../../src/content/bot-spec';
import { parseSaveFile } from '../../src/content/save-file';
import { legalMoves, actingSeat } from '../../src/rules';

const human = { kind: 'human', bot: DEFAULT_BOT } as const;
const setup: GameSetup = {
  scenario: 'baseline-2023',
  variant: 4,
  seed: 'local-white-1',
  controls: { china: human, nato: human, japan: human, korea: human },
  whiteCell: true,
  freeAdjudication: true,
};

describe('LocalGame with a White Cell', () => {
  it('has the White Cell as the last player and records its acts in the save', () => {
    const game = new LocalGame(setup);
    expect(game.G.players['4']).toEqual(['white']);
    expect(game.whitePlayer).toBe('4');
    expect(game.G.white!.adjudication).toBe('free');
    expect(game.white('whiteOverrideTrack', ['cohesion', 2, 'the summit failed'])).toBe(true);
    // A refused power records nothing.
    expect(game.white('whiteOverrideTrack', ['cohesion', 99, 'off the track'])).toBe(false);
    for (let i = 0; i < 6; i++) {
      const seat = actingSeat(game.G)!;
      expect(
        game.act(seat, legalMoves(game.G, seat).find((a) => a.move === 'pass') ?? legalMoves(game.G, seat)[0]!),
      ).toBe(true);
    }
    expect(game.white('whiteRewind', [1, 'misread the rule'])).toBe(true);
    const save = game.toSave();
    expect(save.whiteCell).toBe(true);
    expect(save.actions.filter((a) => a.seat === 'white').map((a) => a.move)).toEqual([
      'whiteSetAdjudication',
      'whiteOverrideTrack',
      'whiteRewind',
    ]);
    const again = LocalGame.fromSave(parseSaveFile(JSON.stringify(save)), setup.controls);
    expect(again.G).toEqual(game.G);
    expect(again.actions).toEqual(save.actions);
  });
});

describe('the difficulty menu', () => {
  it.each([
    ['1', 'level 1 — 50% random moves, rolls -1'],
    ['3', 'level 3 — the flowchart, no bonus'],
    ['4', 'level 4 — +1 AP a round, starts 1 ahead'],
    ['6', 'level 6 — +2 AP a round, rolls +2, starts 3 ahead'],
    ['expert', 'expert — searches the legal moves'],
    ['expert:5', 'expert, level 5 — searches the legal moves'],
  ])('bot %s reads “%s”', (spec, text) => {
    expect(levelHint(parseBotSpec(spec, 'test'))).toBe(text);
  });
});
