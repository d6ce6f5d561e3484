import { describe, expect, it } from 'vitest';
import { SEATS } from '../../src/content/ids';
import { parseBotSpecs } from '../../src/content/bot-spec';
import { resolveBots } from '../../src/sim/bots';
import { playGame } from '../../src/sim/headless';
import { endState, signature, ukraineBand } from '../../src/sim/measures';
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

  it('copies the rules’ own counts: tension per turn, firings (0 for a special that never fired), the war’s cause', () => {
    const { record, final } = play('korean-peninsula-crisis', 'm-2');
    expect(record.tensionByTurn).toEqual(final.tensionByTurn);
    expect(record.fired).toEqual({ ...Object.fromEntries(final.specials.map((s) => [s, 0])), ...final.fired });
    expect(record.fired['dprk-rolls-twice']).toBeGreaterThan(0);
    expect(record.cause).toBe(final.result!.cause);
    expect(play('baseline-2023', 'm-2').record.fired).toMatchObject({ 'two-seat-tie-roll-off': 0 });
  });
});
