/** Moves alive (issue 11, src/sim/alive.ts): the target covers the moves a bot can choose; the others are shown with why. */
import { describe, expect, it } from 'vitest';
import { MOVES, SEATS, type MoveName } from '../../src/content/ids';
import { legalMoves } from '../../src/rules/engine';
import { newWhiteCell } from '../../src/rules/white-cell';
import { RULES } from '../../src/rules/moves';
import { aliveMoves, aliveTable, deadMoves, NOT_FOR_BOTS } from '../../src/sim/alive';
import type { SweepSummary } from '../../src/sim/stats';
import { newMatch } from '../rules/helpers';

/** A sweep whose China spent `share` of its AP on each listed move. */
function sweep(shares: Partial<Record<MoveName, number>>): SweepSummary {
  const none = Object.fromEntries(SEATS.map((s) => [s, {}]));
  return {
    scenario: 'baseline-2023',
    variant: 4,
    bots: Object.fromEntries(SEATS.map((s) => [s, 'scripted:3'])),
    moveShareBySeat: { ...none, china: shares },
  } as unknown as SweepSummary;
}

/** The free-form moves by the rules (a `parse`, no options): what NOT_FOR_BOTS must list, no more, no less. */
const FREE_FORM_MOVES = MOVES.filter((m) => RULES[m].parse !== undefined);

describe('moves alive', () => {
  it('exempts exactly the free-form moves, each with a reason', () => {
    expect(Object.keys(NOT_FOR_BOTS).sort()).toEqual([...FREE_FORM_MOVES].sort());
    expect(FREE_FORM_MOVES).toEqual(['proposeArgument']);
    for (const why of Object.values(NOT_FOR_BOTS)) expect(why.length).toBeGreaterThan(20);
  });

  it('no bot can choose an exempt move: legalMoves never lists it, even under free adjudication with AP', () => {
    const m = newMatch('baseline-2023', 4, 'alive');
    m.G.pending = null;
    m.G.white = { ...newWhiteCell(), adjudication: 'free' };
    for (const seat of SEATS) {
      m.G.active = seat;
      m.G.ap[seat] = 4;
      const listed = new Set(legalMoves(m.G, seat).map((a) => a.move));
      expect(listed.size).toBeGreaterThan(1);
      for (const move of FREE_FORM_MOVES) expect(listed.has(move)).toBe(false);
    }
  });

  it('shows an exempt move in the table with its share and reason, and counts only the others', () => {
    const rows = aliveMoves([sweep({ pressGrayZone: 0.5, proposeArgument: 0 })]);
    const argument = rows.find((r) => r.move === 'proposeArgument')!;
    expect(argument.exempt).toBe(NOT_FOR_BOTS.proposeArgument);
    expect(deadMoves(rows).map((r) => r.move)).not.toContain('proposeArgument');
    expect(deadMoves(rows).length).toBe(rows.length - 2); // all but gray zone and the argument
    const table = aliveTable(rows);
    expect(table).toContain(`| Matrix argument | 0.0% (not for bots: ${NOT_FOR_BOTS.proposeArgument}) | — |`);
    expect(table).toContain(`1 of ${rows.length - 1} moves a bot can choose take at least 1%`);
    expect(table).toContain(`not for bots: Matrix argument (${NOT_FOR_BOTS.proposeArgument})`);
  });
});
