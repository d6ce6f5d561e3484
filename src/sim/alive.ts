/**
 * Is every move alive (issue 11)? Over sweep summaries, each move's largest share of one seat's own
 * action points, and where; a move a bot can choose that stays under ALIVE_AT everywhere is dead
 * (bench/alive.ts, bench/targets.ts). Moves no bot can choose are shown with their share and why.
 */
import { MOVES, SEATS, type MoveName } from '../content/ids';
import { MOVE_CATALOGUE } from '../content/moves';
import type { SweepSummary } from './stats';

/** A move is alive when some seat spends at least this share of its AP on it somewhere. */
export const ALIVE_AT = 0.01;

/**
 * The moves no bot can choose, each with why; the target covers the moves a bot can choose. These are
 * exactly the free-form moves (a rule with `parse`, no options), which `legalMoves` never offers (tests/sim/alive.test.ts).
 */
export const NOT_FOR_BOTS: Partial<Record<MoveName, string>> = {
  proposeArgument:
    "a seminar's free-form channel: a person argues and a White Cell person rates it; sweeps have no White Cell and no bot argues",
};

export interface AliveRow {
  move: MoveName;
  name: string;
  /** The largest share of one seat's own AP, over every sweep and seat. */
  share: number;
  /** Seat, scenario, and the bot or seat variant when not 4-seat scripted:3; '—' when never played. */
  where: string;
  /** Why no bot can choose it (then it is outside the target), or undefined for a move a bot can choose. */
  exempt?: string;
}

/** Every move that costs AP, least used first. */
export function aliveMoves(sweeps: readonly SweepSummary[]): AliveRow[] {
  const rows = MOVES.filter((m) => MOVE_CATALOGUE[m].cost > 0).map((move): AliveRow => {
    let best = { share: 0, where: '—' };
    for (const s of sweeps)
      for (const seat of SEATS) {
        const share = s.moveShareBySeat[seat][move] ?? 0;
        if (share <= best.share) continue;
        const notes = [
          ...(s.bots[seat] === 'scripted:3' ? [] : [s.bots[seat]]),
          ...(s.variant === 4 ? [] : [`${s.variant} seats`]),
        ];
        best = { share, where: `${seat}, ${s.scenario}${notes.length ? ` (${notes.join(', ')})` : ''}` };
      }
    const exempt = NOT_FOR_BOTS[move];
    return { move, name: MOVE_CATALOGUE[move].name, ...best, ...(exempt ? { exempt } : {}) };
  });
  return rows.sort((a, b) => a.share - b.share);
}

/** The moves a bot can choose that stay under ALIVE_AT everywhere. */
export function deadMoves(rows: readonly AliveRow[]): AliveRow[] {
  return rows.filter((r) => !r.exempt && r.share < ALIVE_AT);
}

/** The Markdown table of docs/BALANCE.md's moves alive, with the count of live moves under it. */
export function aliveTable(rows: readonly AliveRow[]): string {
  const lines = ['| move | largest share of a seat’s AP | where |', '| --- | --- | --- |'];
  for (const r of rows) {
    const flag = r.exempt ? ` (not for bots: ${r.exempt})` : r.share < ALIVE_AT ? ' **(under 1%)**' : '';
    lines.push(`| ${r.name} | ${(r.share * 100).toFixed(1)}%${flag} | ${r.where} |`);
  }
  return `${lines.join('\n')}\n\n${aliveSummary(rows)}.`;
}

/** "28 of 30 moves a bot can choose take ≥ 1% …; not for bots: Matrix argument (why)". */
export function aliveSummary(rows: readonly AliveRow[]): string {
  const forBots = rows.filter((r) => !r.exempt);
  const exempt = rows.filter((r) => r.exempt);
  const alive = forBots.length - deadMoves(rows).length;
  const out = `${alive} of ${forBots.length} moves a bot can choose take at least ${(ALIVE_AT * 100).toFixed(0)}% of some seat's AP somewhere`;
  return exempt.length ? `${out}; not for bots: ${exempt.map((r) => `${r.name} (${r.exempt})`).join('; ')}` : out;
}
