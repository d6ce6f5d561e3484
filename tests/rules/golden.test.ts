/** Golden seeded playthroughs: a fixed seed and a fixed policy give a pinned final-state hash per scenario. */
import { describe, expect, it } from 'vitest';
import { hashState } from '../../src/sim/hash';
import { newMatch, playRandomly } from './helpers';

const GOLDEN: [scenario: string, variant: 2 | 3 | 4, seed: string, hash: string][] = [
  ['baseline-2023', 4, 'golden-1', 'PIN'],
  ['baseline-2023', 2, 'golden-2', 'PIN'],
  ['taiwan-strait-crisis', 4, 'golden-3', 'PIN'],
  ['taiwan-strait-crisis', 3, 'golden-4', 'PIN'],
  ['korean-peninsula-crisis', 4, 'golden-5', 'PIN'],
  ['korean-peninsula-crisis', 3, 'golden-6', 'PIN'],
];

describe('golden playthroughs', () => {
  it.each(GOLDEN)('%s (%i seats, seed %s) ends in the pinned state', (scenario, variant, seed, hash) => {
    const m = newMatch(scenario, variant, seed);
    playRandomly(m, `${seed}/policy`);
    expect(hashState(m.G)).toBe(hash);
  });
});
