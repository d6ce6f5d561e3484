/** The last throw: a trailing seat on the final turn risks a move whose bad roll means war; otherwise never. */
import { describe, expect, it } from 'vitest';
import { scriptedTrace } from '../../src/ai/scripted';
import { TUNING } from '../../src/ai/tuning';
import type { Seat } from '../../src/content/ids';
import { margins } from '../../src/rules/scoring';
import type { GameState } from '../../src/rules/state';
import { rngOf, stateFor } from './helpers';

/** China to act on the Taiwan crisis's last turn at tension 7, Crisis 4, no Western ship near Taiwan, `gap` behind. */
function lastThrow(gap: number, turn = 'last'): GameState {
  const G = stateFor('china', 4, 'taiwan-strait-crisis');
  G.turn = turn === 'last' ? G.lastTurn : G.lastTurn - 1;
  G.tracks.tension = 7;
  G.tracks.taiwanCrisis = 4;
  G.units = G.units.filter((u) => u.owner === 'china');
  const m = margins(G);
  const leader = (['nato', 'japan', 'korea'] as Seat[]).reduce((a, s) => (m[s] > m[a] ? s : a), 'nato');
  G.marginBonus.china += m[leader] - m.china - gap;
  return G;
}

describe('the last throw', () => {
  it('a quarantine is no last throw: a defied one is a climb-down, not a war', () => {
    const t = scriptedTrace(lastThrow(TUNING.gamble.behind[1]), 'china', rngOf('throw'));
    expect(t.step).not.toBe('gamble');
    expect(t.decision.action.move).not.toBe('quarantineTaiwan');
  });

  it('with room for its declaration, China quarantines where the blockade holds, and says why', () => {
    const G = lastThrow(0, 'earlier');
    G.turn = 1;
    G.tracks.tension = 5;
    const t = scriptedTrace(G, 'china', rngOf('quarantine'));
    expect(t.step).toBe('quarantine');
    expect(t.decision.action.move).toBe('quarantineTaiwan');
    expect(t.decision.why).toMatch(/a quarantine holds on \d in 6, and if defied China climbs down short of war/);
  });

  it('not before the last turn, not when leading, not when out of reach', () => {
    for (const G of [lastThrow(1, 'earlier'), lastThrow(0), lastThrow(TUNING.gamble.behind[1] + 2)])
      expect(scriptedTrace(G, 'china', rngOf('no-throw')).step).not.toBe('gamble');
  });
});
