/** The bots' war guard: the highest tension their own move may reach, by scenario and seat variant. */
import { describe, expect, it } from 'vitest';
import { tensionCeiling } from '../../src/ai/ceiling';
import { TUNING } from '../../src/ai/tuning';
import type { Variant } from '../../src/content/ids';
import { stateFor } from './helpers';

const ceiling = (scenario: string, variant: Variant, patch: (G: ReturnType<typeof stateFor>) => void = () => {}) => {
  const G = stateFor('nato', 4, scenario, variant);
  patch(G);
  return tensionCeiling(G);
};

describe('tensionCeiling', () => {
  // The 2-seat side's margin comes off the upkeeps' room, not off the cap: where the room is wider
  // than the cap (one North Korean roll, no quarantine) both seat variants play to the same cap.
  it.each([
    ['baseline-2023', 4, TUNING.maxTension],
    ['baseline-2023', 2, TUNING.maxTension],
    ['korean-peninsula-crisis', 4, 6],
    ['korean-peninsula-crisis', 2, 6 - TUNING.teamTensionMargin],
  ] as const)('%s, %i seats: %i', (scenario, variant, expected) => {
    expect(ceiling(scenario, variant)).toBe(expected);
  });

  it('the quarantine narrows the room in the Taiwan crisis, and the 2-seat margin then bites', () => {
    const atCrisis4 = (G: ReturnType<typeof stateFor>) => void (G.tracks.taiwanCrisis = 4);
    expect(ceiling('taiwan-strait-crisis', 4, atCrisis4)).toBe(6);
    expect(ceiling('taiwan-strait-crisis', 2, atCrisis4)).toBe(6 - TUNING.teamTensionMargin);
  });
});
