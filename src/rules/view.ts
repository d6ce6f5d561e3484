/**
 * The one gate for hidden information (ARCHITECTURE.md, "Hidden information"): what a viewer — a
 * seat's player, a spectator, the White Cell — may see of the state `G`, of each line of `G.log`, and
 * of each entry of boardgame.io's action log (move names and arguments, bots' reasons). The server
 * sends nothing else (src/server/match-service.ts); the hot-seat screens, the projector and the bots
 * see the game only through it.
 */
import type { LogEntry as ActionLogEntry } from 'boardgame.io';
import { BRIEFS } from '../content/briefs';
import { SEATS, type Role, type Seat } from '../content/ids';
import { priorityById } from '../content/priorities';
import type { Brief, Priority } from '../content/schemas';
import { HIDDEN_MOVES } from './moves';
import { namesSecret, splitReason } from './reason';
import type { GameState, LogEntry } from './state';
import { rolesOf } from './players';
import { isWhiteMove, SECRET_WHITE_MOVES } from './white-cell';

/** Placeholder for anything a viewer may not see. */
export const HIDDEN = 'hidden';

/** Who is looking: the roles a playerID holds (none for a spectator), and whether it may see everything. */
export interface Viewer {
  roles: readonly Role[];
  /** The White Cell, or anyone once the game is over (secrets are history then). */
  all: boolean;
}

/** The viewer `playerID` is in `G` (a spectator when null or not a player of this game). */
export function viewerOf(G: GameState, playerID: string | null | undefined): Viewer {
  const roles = rolesOf(G, playerID);
  return { roles, all: roles.includes('white') || G.result !== null };
}

const sees = (v: Viewer, role: Role) => v.all || v.roles.includes(role);

/**
 * One line of `G.log` as `v` may read it, or null when the line is not for it. A reason that names a
 * secret reaches only its own seat: a move's bracketed *why* its mover, the White Cell's written
 * reason (the entry's `reason`, on its acts and its ratings of a seat's argument) the umpire alone.
 * The line itself, which says what was done, stays public.
 */
export function logLineFor(e: LogEntry, v: Viewer): LogEntry | null {
  if (v.all) return e;
  if (e.visibleTo && !e.visibleTo.some((r) => v.roles.includes(r))) return null;
  const own = e.seat !== null && v.roles.includes(e.seat);
  const seen = own ? OWN_LINES : PUBLIC_LINES;
  let out = seen.get(e);
  if (!out) seen.set(e, (out = gatedLine(e, own)));
  return out;
}

// Log lines never change once written, and every view of every state reads them again: remember each one's gated forms.
const PUBLIC_LINES = new WeakMap<LogEntry, LogEntry>();
const OWN_LINES = new WeakMap<LogEntry, LogEntry>();

function gatedLine(e: LogEntry, own: boolean): LogEntry {
  let out = e;
  const { text, reason } = splitReason(e.text);
  if (!own && reason !== null && e.kind === 'move' && namesSecret(reason)) out = { ...out, text };
  if (e.reason && namesSecret(e.reason)) {
    const { reason: _withheld, ...rest } = out;
    out = rest;
  }
  return out;
}

/**
 * One entry of boardgame.io's action log as `v` (holding `playerID`) may read it, or null. A hidden
 * move (China's Material aid) and the White Cell's secret powers (fixed rolls, scheduled or held
 * injects) are withheld whole; a reason riding on a move's arguments (`{ why }`) that names a secret
 * is removed. The mover's own entries come back unchanged.
 */
export function actionLogFor(entry: ActionLogEntry, v: Viewer, playerID: string | null): ActionLogEntry | null {
  if (v.all) return entry;
  const payload = entry.action.payload;
  if (playerID !== null && payload.playerID === playerID) return entry;
  const type = 'type' in payload ? payload.type : '';
  if (HIDDEN_MOVES.has(type as never) && !v.roles.includes('china')) return null;
  if (SECRET_WHITE_MOVES.has(type as never)) return null;
  const args = 'args' in payload ? (payload.args as unknown) : null;
  if (!Array.isArray(args)) return entry;
  const withArgs = (a: unknown[]) =>
    ({ ...entry, action: { ...entry.action, payload: { ...payload, args: a } } }) as ActionLogEntry;
  // The White Cell's verdict on a covert move could name it in its reason: seats get only the verdict.
  if (type === 'whiteDecide') return withArgs(args.slice(0, 1));
  // A reason rides last: a White Cell power's written reason, or a seat's trailing `{ why }`.
  const last = args[args.length - 1] as unknown;
  const reason = isWhiteMove(type) ? last : last && typeof last === 'object' && 'why' in last ? last.why : undefined;
  if (reason === undefined) return entry;
  return typeof reason === 'string' && !namesSecret(reason) ? entry : withArgs(args.slice(0, -1));
}

/** boardgame.io's action log as `playerID` may read it (`G` is the current, unfiltered state). */
export function actionLogView(G: GameState, log: ActionLogEntry[], playerID: string | null): ActionLogEntry[] {
  const v = viewerOf(G, playerID);
  if (v.all) return log;
  const out: ActionLogEntry[] = [];
  for (const entry of log) {
    const filtered = actionLogFor(entry, v, playerID);
    if (filtered) out.push(filtered);
  }
  return out;
}

/**
 * `G` as `playerID` may see it: its own national priorities, no deck order, hidden aid as unknown,
 * NATO's Futures peek for NATO only, the log through `logLineFor`. The White Cell sees everything. A
 * spectator (no playerID, or an unknown one) sees only public information.
 */
export function playerView(G: GameState, playerID: string | null | undefined): GameState {
  const v = viewerOf(G, playerID);
  if (v.roles.includes('white')) return G;
  const view: GameState = {
    ...G,
    deck: G.deck.map(() => HIDDEN),
    incidentDeck: G.incidentDeck.map(() => HIDDEN),
    priority: { china: HIDDEN, nato: HIDDEN, japan: HIDDEN, korea: HIDDEN },
    aid: sees(v, 'china') ? G.aid : G.aid.map((a, i) => (a.revealed ? a : { id: `${HIDDEN}-${i}`, revealed: false })),
    log: G.log.flatMap((e) => logLineFor(e, v) ?? []),
  };
  for (const seat of SEATS) if (sees(v, seat)) view.priority[seat] = G.priority[seat];
  if (G.pending?.kind === 'futures' && !sees(v, 'nato'))
    view.pending = { ...G.pending, cards: G.pending.cards.map(() => HIDDEN) };
  // A hidden move waiting for approval shows only as "a covert move" to the other seats.
  if (G.pending?.kind === 'approval' && HIDDEN_MOVES.has(G.pending.action.move) && !sees(v, G.pending.seat))
    view.pending = { ...G.pending, action: { move: 'pass', args: [] }, covert: true } as GameState['pending'];
  // The White Cell's schedule, fixed rolls, written cards and rewind history are the umpire's alone.
  if (G.white)
    view.white = {
      ...G.white,
      hold: false,
      schedule: {},
      forcedRolls: [],
      // A written card once played was read to the room: its words are public, the unplayed ones are not.
      written: Object.fromEntries(Object.entries(G.white.written).filter(([id]) => G.discard.includes(id))),
      snapshots: [],
      branches: G.white.branches.map((b) => ({ ...b, state: null, snapshots: [] })),
    };
  // Once the game is over, secrets are history: everyone may read every priority and marker.
  if (G.result) return { ...view, priority: G.priority, aid: G.aid };
  return view;
}

/** A seat's red-team brief as its player reads it: the brief and the national priority it drew. */
export interface SeatBrief extends Brief {
  priority: Priority | null;
}

/**
 * The red-team briefs `playerID` may read: its own seats' (the White Cell's, and everyone's after the
 * end: all; a spectator's: none). Each names the seat's secret national priority, so it passes here.
 */
export function briefsFor(G: GameState, playerID: string | null | undefined): SeatBrief[] {
  const v = viewerOf(G, playerID);
  return SEATS.filter((s: Seat) => s in G.priority && sees(v, s)).map((seat) => ({
    ...BRIEFS[seat],
    priority: priorityById(G.priority[seat]) ?? null,
  }));
}
