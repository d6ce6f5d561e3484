/**
 * Who has the screen at a hot-seat table: a pure reducer over the hand-over state. The screen feeds it
 * the table's facts after every change; it answers who looks at the screen and who it is being passed to.
 */

export interface HotSeat {
  /** The person now looking at the screen (a playerID); null while the screen is being handed over. */
  viewer: string | null;
  /** The player the screen is being passed to (their secrets appear only once they confirm). */
  handover: string | null;
  /** The last seat player who had the screen (the White Cell hands back to them). */
  lastSeatViewer: string | null;
}

/** What the reducer needs to know of the game at this moment. */
export interface TableFacts {
  /** Online: this screen's playerID (null = spectator); undefined at a local table. */
  seatedAs?: string | null;
  /** The White Cell's playerID at a hot-seat table with one, else null. */
  white: string | null;
  /** The game waits on the White Cell (paused, an approval or a rating). */
  awaitingWhite: boolean;
  /** The player of the acting seat when a person plays it, else null. */
  actingHuman: string | null;
  /** Every player a person plays at this screen, in seat order. */
  humans: readonly string[];
}

export type HotSeatEvent =
  /** The game changed: pass the screen if someone else must act now. */
  | { type: 'sync' }
  /** The White Cell button: hide the seat's secrets, then the console. */
  | { type: 'toWhiteCell' }
  /** The White Cell hands the screen back. */
  | { type: 'fromWhiteCell' }
  /** The person the screen was passed to confirms they sit at it. */
  | { type: 'ready' };

export const NOBODY: HotSeat = { viewer: null, handover: null, lastSeatViewer: null };

/** The White Cell has the screen, or it is being handed to it (bots wait meanwhile). */
export const whiteHolds = (s: HotSeat, t: TableFacts): boolean =>
  t.white !== null && (s.viewer === t.white || s.handover === t.white);

/** Who the White Cell hands back to: the person the game waits for, else the last one, else the first. */
export const returnTarget = (s: HotSeat, t: TableFacts): string | null =>
  t.actingHuman ?? s.lastSeatViewer ?? t.humans[0] ?? null;

/** Remember the seat player leaving the screen, so the White Cell can hand it back. */
const leaving = (s: HotSeat): string | null => s.viewer ?? s.lastSeatViewer;

export function hotSeat(s: HotSeat, e: HotSeatEvent, t: TableFacts): HotSeat {
  switch (e.type) {
    case 'toWhiteCell':
      if (t.white === null || whiteHolds(s, t)) return s;
      return { viewer: null, handover: t.white, lastSeatViewer: leaving(s) };
    case 'fromWhiteCell':
      // The console showed every secret: the next person confirms before their screen appears.
      return { ...s, viewer: null, handover: returnTarget(s, t) };
    case 'ready':
      if (s.handover === null) return s;
      return {
        viewer: s.handover,
        handover: null,
        lastSeatViewer: s.handover === t.white ? s.lastSeatViewer : s.handover,
      };
    case 'sync':
      return sync(s, t);
  }
}

function sync(s: HotSeat, t: TableFacts): HotSeat {
  if (t.seatedAs !== undefined) return s.viewer === t.seatedAs ? s : { ...s, viewer: t.seatedAs };
  // The White Cell keeps the screen until it hands it back.
  if (t.white !== null && s.viewer === t.white) return s;
  if (t.white !== null && t.awaitingWhite)
    // Paused, or an approval or a rating is waiting: the screen goes to the White Cell.
    return s.handover === t.white ? s : { viewer: null, handover: t.white, lastSeatViewer: leaving(s) };
  if (t.actingHuman !== null) {
    if (t.actingHuman === s.viewer || s.handover !== null) return s;
    // Hot-seat: hide the last player's secrets before the next one sits down; alone, just show it.
    return t.humans.length > 1 ? { ...s, viewer: null, handover: t.actingHuman } : { ...s, viewer: t.actingHuman };
  }
  if (s.viewer === null && s.handover === null && t.humans.length === 1) return { ...s, viewer: t.humans[0]! };
  return s;
}
