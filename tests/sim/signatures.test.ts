/** Scenario signatures side by side: the distance between end-state distributions, and the divergence verdict. */
import { describe, expect, it } from 'vitest';
import { DIVERGES_AT, distance, diverges, signatureParts } from '../../src/sim/signatures';
import type { EndStateStats } from '../../src/sim/stats';

const ends = (taiwan: number[], dprk: number[]): EndStateStats =>
  ({
    theaters: { korea: { west: 0.5, china: 0.5, even: 0 } },
    ports: {},
    ukraine: { failing: 0, middling: 1, holding: 0 },
    taiwanCrisis: { mean: 0, shares: taiwan },
    dprkThreat: { mean: 0, shares: dprk },
    top: [],
    distinct: 1,
  }) as unknown as EndStateStats;

describe('scenario signatures', () => {
  it('distance is 0 for the same distribution, 1 for disjoint ones, half the summed differences between', () => {
    expect(distance({ a: 0.5, b: 0.5 }, { a: 0.5, b: 0.5 })).toBe(0);
    expect(distance({ a: 1 }, { b: 1 })).toBe(1);
    expect(distance({ a: 0.7, b: 0.3 }, { a: 0.4, b: 0.6 })).toBeCloseTo(0.3);
  });

  it("a crisis diverges when its own track's distance from the baseline reaches the threshold", () => {
    const base = ends([1, 0, 0], [0, 1, 0]);
    const moved = ends([0, 0, 1], [0, 1, 0]);
    const parts = signatureParts([base, moved, base]);
    expect(parts.map((p) => p.name)).toEqual(['theater korea', 'Ukraine front', 'Taiwan Crisis', 'DPRK Threat']);
    expect(diverges(parts, 'taiwan-strait-crisis', 1)).toBe(true);
    expect(diverges(parts, 'korean-peninsula-crisis', 2)).toBe(false);
    expect(diverges(parts, 'a-scenario-without-a-crisis', 1)).toBeNull();
    const near = ends([1 - DIVERGES_AT / 2, DIVERGES_AT / 2, 0], [0, 1, 0]);
    expect(diverges(signatureParts([base, near]), 'taiwan-strait-crisis', 1)).toBe(false);
  });
});
