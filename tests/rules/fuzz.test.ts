/** A fuzzer of random legal play: thousands of seeded games across every scenario and seat variant. */
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../src/content/ids';
import { SCENARIOS } from '../../src/content/scenario';
import { applyAction, actingSeat } from '../../src/rules/engine';
import { hashState } from '../../src/content/save-file';
import { brokenInvariants, newMatch, playRandomly } from './helpers';

/** Games per scenario × variant: 3 × 3 × 560 = 5,040 complete games. */
const GAMES = Number(process.env.FUZZ_GAMES ?? 560);

const HOSTILE: unknown[][] = [
  [null],
  [undefined],
  ['constructor'],
  [-1],
  [1e9],
  [{}],
  ['__proto__'],
  [[1, 2]],
  Array(9).fill('x'),
  [NaN],
  ['east-china-sea', 'extra', 1],
];

describe.each(SCENARIOS.map((s) => s.id))('fuzz %s', (scenario) => {
  it.each([...VARIANTS])('variant %i: random legal games end with every invariant kept', (variant) => {
    const endings: Record<string, number> = {};
    for (let i = 0; i < GAMES; i++) {
      const seed = `fuzz-${scenario}-${variant}-${i}`;
      const m = newMatch(scenario, variant, seed);
      try {
        let step = 0;
        playRandomly(m, `${seed}/policy`, 4000, (G) => {
          const broken = brokenInvariants(G);
          if (broken.length) throw new Error(broken.join('; '));
          // Every ~7th state, a stranger's junk must be refused without a change.
          if (++step % 7 === 0 && !G.result) {
            const seat = actingSeat(G)!;
            const before = hashState(G);
            const bad = HOSTILE[step % HOSTILE.length]!;
            expect(applyAction(G, seat, { move: 'statement', args: bad }, m.dice)).toBe(false);
            expect(hashState(G)).toBe(before);
          }
        });
      } catch (e) {
        throw new Error(
          `seed ${seed} (replay with newMatch('${scenario}', ${variant}, '${seed}') and policy '${seed}/policy'): ${(e as Error).message}`,
        );
      }
      const ending = m.G.result!.ending;
      endings[ending] = (endings[ending] ?? 0) + 1;
    }
    expect(Object.values(endings).reduce((a, b) => a + b, 0)).toBe(GAMES);
  });
});
