/**
 * Player-facing sentences that state a rule number are written from the rules' constants: with the
 * constants changed to numbers the game never uses, every sentence follows. A number retyped into a
 * sentence (the end card once said +5 while the rules used +6) fails here.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/content/balance', async (original) => {
  const real = (await original()) as typeof import('../../src/content/balance');
  return { BALANCE: { ...real.BALANCE, suddenDeath: 97, suddenDeathFromTurn: 93, vpSuddenDeath: 91, summitTurns: 87 } };
});
vi.mock('../../src/content/ids', async (original) => {
  const real = (await original()) as typeof import('../../src/content/ids');
  return { ...real, TRACKS: { ...real.TRACKS, tension: [1, 89] } };
});

const { endingSentence } = await import('../../src/client/end-card');
const { suddenDeathWords } = await import('../../src/client/score-panel');
const { victoryWords, trackHelp } = await import('../../src/client/help-text');
const { statusLine } = await import('../../src/client/present-board');
const { resultText } = await import('../../src/report/game/words');
const { fixtureState } = await import('./fixture-state');
type GameResult = import('../../src/rules').GameResult;

const result = (r: Partial<GameResult>): GameResult =>
  ({
    winner: 'japan',
    ending: 'sudden-death',
    culprit: null,
    cause: null,
    margins: { china: 0, nato: 0, japan: 0, korea: 0 },
    turn: 5,
    ...r,
  }) as GameResult;

describe('rule numbers in player-facing sentences come from the constants', () => {
  it('end card: sudden death in both variants, and war', () => {
    expect(endingSentence(result({}), 4)).toContain('+97');
    expect(endingSentence(result({}), 4)).toContain('turn 93');
    expect(endingSentence(result({}), 2)).toContain('91 victory points');
    expect(endingSentence(result({ ending: 'war', culprit: 'china' }), 4)).toContain('Tension reached 89');
  });

  it('score panel and tooltips', () => {
    expect(suddenDeathWords(4)).toContain('+97');
    expect(suddenDeathWords(4)).toContain('turn 93');
    expect(suddenDeathWords(2)).toContain('91');
    expect(victoryWords()).toMatch(/every 87 turns.*turn 93.*\+97.*reaching 89/);
    expect(trackHelp('tension').text).toContain('89');
  });

  it('status line and the after-action report name the war threshold', () => {
    const G = fixtureState();
    G.result = result({ ending: 'war', culprit: 'china', turn: 3 });
    expect(statusLine(G)).toContain('pushed tension to 89');
    const report = { result: G.result, game: { variant: 4 }, final: { turn: 3 } } as Parameters<typeof resultText>[0];
    expect(resultText(report)).toContain('pushed tension to 89');
  });
});
