/** Issue 11's targets in one run (src/sim/targets.ts, `npm run bench:targets`): shared sweeps, verdicts, the report. */
import { describe, expect, it } from 'vitest';
import { SEATS, type Seat } from '../../src/content/ids';
import { parseBotSpecs } from '../../src/content/bot-spec';
import { PROBES } from '../../src/content/probes';
import type { GameRecord } from '../../src/sim/record';
import { runSweep } from '../../src/sim/sweep';
import { LEVELS, measureTargets, PARTS, type PlaySweep, type Sizes } from '../../src/sim/targets';
import { targetsMarkdown } from '../../src/sim/targets-markdown';
import { targetRows } from '../../src/sim/targets-report';
import { record, zero } from './records';

const SCENARIOS = ['baseline-2023', 'taiwan-strait-crisis'];
const TINY: Sizes = { games: 20, probePairs: 10, randomPairs: 30, levelPairs: 10, expertGames: 10, allExpertGames: 20 };

/**
 * A stand-in for the sweep with known answers: scripted:3 everywhere spreads wins evenly (war every
 * tenth game, China's); a probe, random or lower-level seat never wins; an Expert wins 7 games in 10.
 */
function fakeSweep(calls: { bots: string; variant: number; games: number }[]): PlaySweep {
  return async ({ scenario, variant, bots, games }) => {
    calls.push({ bots: SEATS.map((s) => bots[s]).join(','), variant, games });
    const odd = SEATS.find((s) => SEATS.filter((t) => bots[t] === bots[s]).length === 1);
    const others = SEATS.find((s) => s !== odd)!;
    return Array.from({ length: games }, (_, i): GameRecord => {
      const war = variant === 4 && i % 10 === 0;
      let winner: Seat | null = war ? null : variant === 2 ? (i % 2 ? 'nato' : 'china') : SEATS[i % 4]!;
      const margins = { ...zero };
      if (odd && !war) {
        const kind = bots[odd];
        if (kind.startsWith('expert')) winner = i % 10 >= 3 ? odd : winner === odd ? null : winner;
        else if (kind.startsWith('scripted') && kind > bots[others])
          winner = odd; // the higher level
        else {
          winner = winner === odd ? null : winner; // a probe or random never wins
          margins[odd] = -5;
        }
      }
      return record({
        seed: `lab-1#${i}`,
        scenario,
        variant,
        winner,
        ending: war ? 'war' : 'final-summit',
        culprit: war ? 'china' : null,
        cause: war ? 'seat' : null,
        margins,
        turns: 6,
        tensionAdded: { ...zero, china: scenario === 'taiwan-strait-crisis' ? 2 : 0 },
      });
    });
  };
}

describe('bench:targets', () => {
  it('plays each scenario’s balanced sweep once, at its largest pairing, and pairs every cell on it', async () => {
    const calls: { bots: string; variant: number; games: number }[] = [];
    const done: string[] = [];
    const m = await measureTargets({
      sizes: TINY,
      scenarios: SCENARIOS,
      parts: PARTS,
      play: fakeSweep(calls),
      onPart: (_m, part, scenario) => done.push(`${part} ${scenario}`),
    });
    expect(done).toEqual(PARTS.flatMap((p) => SCENARIOS.map((s) => `${p} ${s}`)));
    const balanced = calls.filter((c) => c.variant === 4 && c.bots === 'scripted:3,scripted:3,scripted:3,scripted:3');
    expect(balanced).toEqual(SCENARIOS.map(() => ({ bots: expect.any(String), variant: 4, games: 30 })));
    const probes = SEATS.reduce((a, s) => a + Object.keys(PROBES[s]).length, 0);
    expect(m.probes).toHaveLength(probes * SCENARIOS.length);
    // Nine better, the war game (China charged both times) a tie.
    expect(m.probes.every((c) => c.share.pairs === TINY.probePairs && c.share.share === 0.95)).toBe(true);
    expect(m.random.map((c) => c.share.pairs)).toEqual(Array(4 * SCENARIOS.length).fill(TINY.randomPairs));
    expect(m.levels).toHaveLength(4 * (LEVELS[1] - LEVELS[0] + 1) * SCENARIOS.length);
    expect(m.sweeps['4-seat-baseline-2023']!.games).toBe(TINY.games);
    expect(m.sweeps['2-seat-baseline-2023']!.seats.china!.winRate).toBe(0.5);
    expect(m.expert.every((c) => c.wins === 7 && c.games === TINY.expertGames && c.earlyWins === 0)).toBe(true);
    expect(m.tension['taiwan-strait-crisis']!.china.mean).toBe(2);

    const verdict = (target: RegExp, scope: string) =>
      targetRows(m).find((r) => target.test(r.target) && r.scope === scope)?.met;
    expect(verdict(/^§8 4 \(and 3\) seats/, 'baseline-2023')).toBe(true); // 20–25% each
    expect(verdict(/^§8 war/, 'baseline-2023')).toBe(true); // 10%
    expect(verdict(/^§8 2 seats/, 'taiwan-strait-crisis')).toBe(true);
    expect(verdict(/probe loses/, 'China')).toBe(true);
    expect(verdict(/scripted beats random/, 'baseline-2023')).toBe(true);
    expect(verdict(/each level beats/, 'baseline-2023')).toBe(true);
    expect(verdict(/Expert wins ≤/, 'NATO')).toBe(false); // 70%
    expect(verdict(/before turn/, 'every seat')).toBe(true);
    expect(verdict(/China adds/, 'taiwan-strait-crisis')).toBe(true);
    expect(verdict(/own action/, 'pooled')).toBe(true);
    expect(verdict(/culprit/, 'pooled')).toBe(true);
    expect(verdict(/signature differs/, 'taiwan-strait-crisis')).toBe(false); // the same end state everywhere
    expect(verdict(/all-Expert/, 'baseline-2023')).toBe(true);

    const md = targetsMarkdown(m);
    expect(md).toMatch(/^# Targets \(seed lab-1; 20 games per scripted sweep/);
    expect(md).toContain(
      '`npx tsx bench/paired.ts --games 10 --mode probe --seat china --scenarios baseline-2023,taiwan-strait-crisis --json`',
    );
    expect(md).toContain('`npm run sim -- --scenario taiwan-strait-crisis --games 20 --seed lab-1 --variant 2 --json`');
    for (const section of [
      'Policy probes',
      'Scripted beats random',
      'Each level',
      'The Expert',
      'All-Expert',
      'Moves alive',
      'Scenario signatures',
    ])
      expect(md).toContain(`## ${section}`);
  });

  it('reports what a run cut short measured, and only that', async () => {
    const m = await measureTargets({
      sizes: TINY,
      scenarios: ['taiwan-strait-crisis'],
      parts: ['probes'],
      play: fakeSweep([]),
    });
    expect(m.parts).toEqual(['probes']);
    expect(targetRows(m).map((r) => r.scope)).toEqual(['China', 'NATO', 'Japan', 'South Korea']);
  });

  it('pairs real games: a probe cell is the balanced sweep against the probe sweep on the same seeds', async () => {
    const m = await measureTargets({
      sizes: { ...TINY, games: 2, probePairs: 2 },
      scenarios: ['taiwan-strait-crisis'],
      parts: ['four', 'probes'],
      workers: 1,
    });
    expect(m.sweeps['4-seat-taiwan-strait-crisis']!.games).toBe(2);
    expect(m.probes.every((c) => c.share.pairs === 2)).toBe(true);
  }, 60_000);

  it('the 3-seat game with a bot in every seat is the 4-seat game move for move (so it is measured once)', async () => {
    for (const scenario of SCENARIOS) {
      const sweep = (variant: 3 | 4) =>
        runSweep({ scenario, variant, seed: 'lab-1', games: 2, bots: parseBotSpecs(undefined), workers: 1 });
      const [three, four] = [await sweep(3), await sweep(4)];
      // The hash differs (the state names its players); every measured part of the game does not.
      const played = (r: GameRecord) => ({ ...r, variant: 4, finalHash: '' });
      expect(three.records.map(played)).toEqual(four.records.map(played));
    }
  }, 60_000);
});
