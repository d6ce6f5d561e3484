/** Writing the game log: one line per move, inject, upkeep step or summit. */
import type { Resolution } from './context';
import type { GameState, LogEntry } from './state';

export function log(G: GameState, entry: Omit<LogEntry, 'turn' | 'round'>): void {
  G.log.push({ turn: G.turn, round: G.round, ...entry });
}

/** Write what a resolution changed as one log line (who may read it, the White Cell's reason: for the gate, view.ts). */
export function logResolution(
  r: Resolution,
  kind: LogEntry['kind'],
  head: string,
  gate: Pick<LogEntry, 'visibleTo' | 'reason'> = {},
): void {
  const text = r.notes.length ? `${head}: ${r.notes.join(', ')}` : head;
  log(r.G, {
    seat: r.seat,
    kind,
    text,
    ...(r.rolls.length ? { rolls: [...r.rolls] } : {}),
    ...gate,
  });
  r.notes = [];
  r.rolls = [];
}
