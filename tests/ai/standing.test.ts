/** How a seat judges a state (read.ts `standing`): its margin, less a weight times the strongest other seat's. */
import { describe, expect, it } from 'vitest';
import { standing } from '../../src/ai/read';
import { TUNING } from '../../src/ai/tuning';
import type { BySeat } from '../../src/content/ids';
import { stateFor } from './helpers';

const m: BySeat<number> = { china: 5, nato: 3, japan: 2, korea: 4 };

describe('standing', () => {
  // Tension at the scenario's start is below the war-risk line, so only the margins count.
  it.each([
    ['korea', 0.5, 4 - 0.5 * 5],
    ['korea', 0, 4],
    ['china', 0.5, 5 - 0.5 * 4],
    ['china', 0, 5],
  ] as const)('%s with rival weight %f: %f', (seat, weight, expected) => {
    expect(standing(stateFor(seat, 2), seat, m, weight)).toBe(expected);
  });

  it("the scripted reactions weigh the strongest rival; the Expert's look-aheads do not (they play the others as scripted bots)", () => {
    const G = stateFor('korea', 2);
    expect(standing(G, 'korea', m)).toBe(4 - TUNING.rivalWeight * 5);
    expect(TUNING.rivalWeight).toBeGreaterThan(0);
    expect(TUNING.expert.rivalWeight).toBe(0);
  });

  it('a war charged to the seat is the worst state, whatever the weight', () => {
    const G = stateFor('korea', 2);
    G.result = { ending: 'war', winner: null, culprit: 'korea', cause: 'seat', margins: m, turn: G.turn };
    expect(standing(G, 'korea', m, 0)).toBe(-100);
    expect(standing(G, 'korea', m, 0.5)).toBe(-100);
  });
});
