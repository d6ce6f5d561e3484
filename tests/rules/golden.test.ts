/** Golden seeded playthroughs: a fixed seed and a fixed policy give a pinned final-state hash per scenario. */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashState } from '../../src/content/save-file';
import { newMatch, playRandomly } from './helpers';

const CASES: [scenario: string, variant: 2 | 3 | 4, seed: string][] = [
  ['baseline-2023', 4, 'golden-1'],
  ['baseline-2023', 2, 'golden-2'],
  ['taiwan-strait-crisis', 4, 'golden-3'],
  ['taiwan-strait-crisis', 3, 'golden-4'],
  ['korean-peninsula-crisis', 4, 'golden-5'],
  ['korean-peninsula-crisis', 3, 'golden-6'],
];

/** Pins live in golden.json; after a deliberate rules or balance change, `UPDATE_GOLDEN=1 npx vitest run tests/rules/golden.test.ts` rewrites them. */
const PINS_FILE = new URL('./golden.json', import.meta.url);
const pins: Record<string, string> = JSON.parse(readFileSync(PINS_FILE, 'utf8'));
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden playthroughs', () => {
  it.each(CASES)('%s (%i seats, seed %s) ends in the pinned state', (scenario, variant, seed) => {
    const m = newMatch(scenario, variant, seed);
    playRandomly(m, `${seed}/policy`);
    const key = `${scenario}/${variant}/${seed}`;
    if (update) {
      pins[key] = hashState(m.G);
      writeFileSync(PINS_FILE, JSON.stringify(pins, null, 2) + '\n');
    }
    expect(hashState(m.G)).toBe(pins[key]);
  });
});
