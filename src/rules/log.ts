/** Writing the game log: one line per move, inject, upkeep step or summit. */
import type { Resolution } from './context';
import type { GameState, LogEntry } from './state';

export function log(G: GameState, entry: Omit<LogEntry, 'turn' | 'round'>): void {
  G.log.push({ turn: G.turn, round: G.round, ...entry });
}

/** Write what a resolution changed as one log line. */
export function logResolution(
  r: Resolution,
  kind: LogEntry['kind'],
  head: string,
  visibleTo?: LogEntry['visibleTo'],
): void {
  const text = r.notes.length ? `${head}: ${r.notes.join(', ')}` : head;
  log(r.G, {
    seat: r.seat,
    kind,
    text,
    ...(r.rolls.length ? { rolls: [...r.rolls] } : {}),
    ...(visibleTo ? { visibleTo } : {}),
  });
  r.notes = [];
  r.rolls = [];
}
