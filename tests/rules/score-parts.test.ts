/** The score's breakdown in words adds up to the rules' own sums, in every state of whole games. */
import { describe, expect, it } from 'vitest';
import { SEATS, type Variant } from '../../src/content/ids';
import { marginParts, margins, summitParts, summitVictoryPoints } from '../../src/rules/scoring';
import { newMatch, playRandomly } from './helpers';

const sum = (parts: { value: number }[]) => parts.reduce((a, p) => a + p.value, 0);

describe('marginParts and summitParts', () => {
  it.each<[string, Variant, string]>([
    ['baseline-2023', 4, 'parts-4'],
    ['baseline-2023', 2, 'parts-2'],
    ['taiwan-strait-crisis', 4, 'parts-taiwan'],
    ['korean-peninsula-crisis', 4, 'parts-korea'],
  ])('sum to margins and summitVictoryPoints (%s, %i seats)', (scenario, variant, seed) => {
    let states = 0;
    // Random play often ends in war early: several games reach more of the board.
    for (let i = 0; i < 6; i++)
      playRandomly(newMatch(scenario, variant, `${seed}-${i}`), `${seed}-${i}`, 4000, (G) => {
        const parts = marginParts(G);
        const want = margins(G);
        for (const s of SEATS) expect(sum(parts[s]), `${s} at turn ${G.turn}`).toBe(want[s]);
        expect(sum(summitParts(G))).toBe(summitVictoryPoints(G));
        for (const s of SEATS) for (const p of parts[s]) expect(p.label).not.toMatch(/undefined|NaN/);
        states++;
      });
    expect(states).toBeGreaterThan(30);
  });
});
