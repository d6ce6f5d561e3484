/**
 * Is every move alive (issue 11)? Over sweep summaries, each move's largest share of one seat's own
 * action points, and where; a move under ALIVE_AT everywhere is dead (bench/alive.ts, bench/targets.ts).
 */
import { MOVES, SEATS, type MoveName } from '../content/ids';
import { MOVE_CATALOGUE } from '../content/moves';
import type { SweepSummary } from './stats';

/** A move is alive when some seat spends at least this share of its AP on it somewhere. */
export const ALIVE_AT = 0.01;

export interface AliveRow {
  move: MoveName;
  name: string;
  /** The largest share of one seat's own AP, over every sweep and seat. */
  share: number;
  /** Seat, scenario, and the bot or seat variant when not 4-seat scripted:3; '—' when never played. */
  where: string;
}

/** Every move that costs AP, least used first. */
export function aliveMoves(sweeps: readonly SweepSummary[]): AliveRow[] {
  const rows = MOVES.filter((m) => MOVE_CATALOGUE[m].cost > 0).map((move) => {
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
    return { move, name: MOVE_CATALOGUE[move].name, ...best };
  });
  return rows.sort((a, b) => a.share - b.share);
}

/** The Markdown table of docs/BALANCE.md §5, with the count of live moves under it. */
export function aliveTable(rows: readonly AliveRow[]): string {
  const lines = ['| move | largest share of a seat’s AP | where |', '| --- | --- | --- |'];
  for (const r of rows)
    lines.push(
      `| ${r.name} | ${(r.share * 100).toFixed(1)}%${r.share < ALIVE_AT ? ' **(under 1%)**' : ''} | ${r.where} |`,
    );
  const alive = rows.filter((r) => r.share >= ALIVE_AT).length;
  return `${lines.join('\n')}\n\n${alive} of ${rows.length} moves take at least 1% of some seat's AP somewhere.`;
}
