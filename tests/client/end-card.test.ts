/** The end card's words come from the rules: the sudden-death sentence follows the constants, margins add up. */
import { afterEach, describe, expect, it } from 'vitest';
import { BALANCE } from '../../src/content/balance';
import { SEATS } from '../../src/content/ids';
import { endingSentence, partsSentence, priorityOutcome } from '../../src/client/end-card';
import { finalMargins, marginParts, type GameResult } from '../../src/rules';
import { newMatch, playRandomly } from '../rules/helpers';

const mutable = BALANCE as unknown as { suddenDeath: number; suddenDeathFromTurn: number; vpSuddenDeath: number };
const saved = { ...mutable };
afterEach(() => Object.assign(mutable, saved));

const result = (ending: GameResult['ending'], turn = 6): GameResult => ({
  ending,
  winner: 'nato',
  culprit: ending === 'war' ? 'china' : null,
  cause: null,
  margins: { china: 0, nato: 6, japan: 0, korea: 0 },
  turn,
});

describe('endingSentence', () => {
  it('states the sudden-death margin and turn the rules use', () => {
    expect(endingSentence(result('sudden-death', 4), 4)).toBe(
      `A margin of +${BALANCE.suddenDeath} or more at a summit from turn ${BALANCE.suddenDeathFromTurn} on wins at once (turn 4).`,
    );
    expect(endingSentence(result('sudden-death'), 4)).toContain('+6 or more');
  });

  it.each([
    [9, 3, 12],
    [4, 2, 7],
  ])('follows the constants when they change (margin %i from turn %i, vp %i)', (margin, from, vp) => {
    Object.assign(mutable, { suddenDeath: margin, suddenDeathFromTurn: from, vpSuddenDeath: vp });
    expect(endingSentence(result('sudden-death'), 4)).toContain(`+${margin} or more at a summit from turn ${from} on`);
    expect(endingSentence(result('sudden-death'), 2)).toContain(`${vp} victory points or more`);
  });

  it.each<[GameResult['ending'], number, RegExp]>([
    ['war', 4, /war\. China pushed it there and loses outright/],
    ['final-summit', 4, /highest margin wins/],
    ['final-summit', 2, /ahead on victory points/],
  ])('%s (%i seats)', (ending, variant, want) => {
    expect(endingSentence(result(ending), variant)).toMatch(want);
  });
});

describe('partsSentence', () => {
  it.each<[{ label: string; value: number }[], number, string]>([
    [
      [
        { label: 'NATO cohesion', value: 6 },
        { label: 'Ukraine front', value: 5 },
        { label: 'constant', value: -10 },
      ],
      1,
      'NATO cohesion 6 + Ukraine front 5 − constant 10 = +1',
    ],
    [
      [
        { label: 'DPRK Threat', value: -2 },
        { label: 'exports', value: 0 },
      ],
      -2,
      '−DPRK Threat 2 = -2',
    ],
    [[], 0, '0 = +0'],
  ])('%j', (parts, total, want) => expect(partsSentence(parts, total)).toBe(want));
});

describe('priorityOutcome', () => {
  it('adds each met priority to the final margin, term by term', () => {
    const m = newMatch('baseline-2023', 4, 'end-card-1');
    playRandomly(m, 'end-card-1');
    const G = m.G;
    const final = finalMargins(G);
    for (const s of SEATS) {
      const pr = priorityOutcome(G, s)!;
      expect(pr.title.length).toBeGreaterThan(0);
      const parts = marginParts(G)[s].reduce((a, p) => a + p.value, 0);
      if (G.result?.ending !== 'sudden-death') expect(parts + pr.added).toBe(final[s]);
      expect(pr.added === 0 || pr.met).toBe(true);
    }
  });
});
