import { describe, expect, it } from 'vitest';
import { SEATS } from '../../src/content/ids';
import { parseBotSpecs } from '../../src/content/bot-spec';
import { resolveBots } from '../../src/sim/bots';
import { createDice } from '../../src/random';
import { playGame } from '../../src/sim/headless';
import { basesDeniedNow, endState, signature, ukraineBand, warCause } from '../../src/sim/measures';
import { realRules } from '../../src/sim/real-rules';

const scripted = resolveBots(parseBotSpecs(undefined)).bots;
const play = (scenario: string, seed: string) => playGame(realRules, { scenario, variant: 4, seed, bots: scripted });

describe('sweep-lab measures of one game', () => {
  it.each([
    [0, 'failing'],
    [3, 'failing'],
    [4, 'middling'],
    [6, 'middling'],
    [7, 'holding'],
    [10, 'holding'],
  ])('Ukraine front %i is %s', (front, band) => {
    expect(ukraineBand(front)).toBe(band);
  });

  it('the record sums tension per seat and per turn, and AP per seat, to the game’s own totals', () => {
    const { record, final } = play('taiwan-strait-crisis', 'm-1');
    expect(record.tensionAdded).toEqual(final.tensionAdded);
    expect(record.tensionByTurn).toHaveLength(record.turns);
    for (const s of SEATS) {
      expect(record.tensionByTurn.reduce((a, t) => a + t[s], 0)).toBe(final.tensionAdded[s]);
    }
    const bySeat = SEATS.flatMap((s) => Object.values(record.apBySeat[s]));
    const total = Object.values(record.apByMove).reduce((a, b) => a + b, 0);
    expect(bySeat.reduce((a, b) => a + b, 0)).toBe(total);
    expect(record.endState).toEqual(endState(final));
    expect(signature(record.endState)).toMatch(/^EA:[WC=] IO:[WC=] SCS:[WC=] TW:[WC=] KO:[WC=] · ports [WC=]{3} · /);
  });

  it('counts North Korea’s second roll in every upkeep of the Korean crisis, and only rules in force', () => {
    const { record, final } = play('korean-peninsula-crisis', 'm-2');
    const upkeeps = final.log.filter((e) => e.text.startsWith('Upkeep — Ukraine front')).length;
    expect(upkeeps).toBeGreaterThan(0);
    expect(record.fired['dprk-rolls-twice']).toBe(upkeeps);
    expect(Object.keys(record.fired).sort()).toEqual([...final.specials].sort());
    expect(play('baseline-2023', 'm-2').record.fired).toEqual({ 'two-seat-tie-roll-off': 0 });
  });

  it('names how a war came: a seat’s move, else the log line that pushed tension to 10', () => {
    const G = realRules.setup({ scenario: 'baseline-2023', variant: 4 }, createDice('m-3'));
    expect(warCause(G)).toBeNull();
    const war = { ending: 'war' as const, winner: null, margins: G.tensionAdded, turn: 3 };
    G.log.push({ turn: 3, round: 2, seat: null, kind: 'upkeep', text: 'Upkeep — North Korea: tension 9→10' });
    expect(warCause({ ...G, result: { ...war, culprit: null } })).toBe('Upkeep — North Korea');
    expect(warCause({ ...G, result: { ...war, culprit: 'china' } })).toBe('own move');
    // The rules' own record wins when the result carries one.
    expect(warCause({ ...G, result: { ...war, culprit: 'china', cause: 'inject' } as never })).toBe('inject');
  });

  it('sees the Japanese-bases rule take a US carrier out of the Taiwan theater', () => {
    const G = realRules.setup({ scenario: 'taiwan-strait-crisis', variant: 4 }, createDice('m-4'));
    G.partnership.japan.level = 2;
    G.units = G.units.filter((u) => u.kind !== 'seventh-fleet' && u.kind !== 'us-csg');
    expect(basesDeniedNow(G)).toBe(false);
    G.units.push({
      id: 'test-csg',
      kind: 'us-csg',
      owner: 'nato',
      space: 'taiwan-strait',
      presence: 3,
      leavesAfterTurn: null,
    });
    expect(basesDeniedNow(G)).toBe(true);
    G.partnership.japan.level = 3;
    expect(basesDeniedNow(G)).toBe(false);
    expect(basesDeniedNow({ ...G, specials: [] })).toBe(false);
  });
});
