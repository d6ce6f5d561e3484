/**
 * The leak test's two halves share this: whole games of East Asia Tomorrow driven through
 * boardgame.io's own reducer (what the server's Master runs) by the server's own bot and a scripted
 * White Cell that uses its secret powers, and `leaksIn`, which lists every secret a delivery shows
 * to a viewer who may not see it. A viewer's secrets are computed from the full state at that moment.
 */
import type { Game, LogEntry as ActionLogEntry, State } from 'boardgame.io';
import { CreateGameReducer, InitializeGame, ProcessGameConfig } from 'boardgame.io/internal';
import { SEATS, TRACK_IDS, type Role, type Seat } from '../../src/content/ids';
import { injectById } from '../../src/content/injects';
import { priorityById } from '../../src/content/priorities';
import { streamFrom, type Stream } from '../../src/random/index';
import {
  EastAsiaTomorrow,
  actingSeat,
  splitReason,
  HIDDEN,
  awaitingWhiteCell,
  playerOf,
  type SetupData,
  type GameState,
  type LogEntry,
} from '../../src/rules';
// The gate's own test of which reasons are secret reads the internal predicate the gate uses.
import { namesSecret } from '../../src/rules/reason';

/** What one viewer has legitimately learnt so far (NATO's peeks, cards that were public once). */
export interface Knowledge {
  /** Inject ids that were ever public (discarded, forced): they may be named again. */
  public: Set<string>;
  /** Inject ids NATO has looked at with Futures: NATO's player may name them (its own bot's reasons do). */
  peeked: Set<string>;
}

export const newKnowledge = (): Knowledge => ({ public: new Set(), peeked: new Set() });

/** Records what the full state makes public or shows NATO (call on every state, before checking deliveries of it). */
export function learn(k: Knowledge, F: GameState): void {
  for (const id of F.discard) k.public.add(id);
  if (F.pending?.kind === 'futures') for (const id of F.pending.cards) k.peeked.add(id);
}

export interface LeakCounts {
  /** Reasons naming a secret that reached their own seat (the gate must not hide everything). */
  ownSecretReasons: number;
  /** Other seats' reasons that reached a viewer (public reasons are kept). */
  othersReasons: number;
}

export const newCounts = (): LeakCounts => ({ ownSecretReasons: 0, othersReasons: 0 });

const quoted = (s: string) => `"${s}"`;

/**
 * Every secret of the full state `full` that `delivery` (anything a viewer receives, as JSON-able data)
 * shows to `playerID` (null: a spectator), as labels; empty when there is none. Before the game ends only.
 */
export function leaksIn(
  delivery: unknown,
  full: State,
  playerID: string | null,
  k: Knowledge,
  counts: LeakCounts,
  /** The part of the delivery to search for secret strings (default all of it; the shapes are always checked whole). */
  scanned: unknown = delivery,
): string[] {
  const F = full.G as GameState;
  if (F.result) return [];
  const roles: readonly Role[] = (playerID !== null ? F.players[playerID] : undefined) ?? [];
  if (roles.includes('white')) return [];
  // The viewer's own reasons may name its own secrets (and quote anything): they are left out of the search.
  let text = JSON.stringify(scanned);
  for (const r of ownReasons(scanned, roles)) text = text.split(JSON.stringify(r).slice(1, -1)).join('');
  const found: string[] = [];
  const no = (needle: string, label: string) => {
    if (text.includes(needle)) found.push(label);
  };
  const seed = (full.plugins.random?.data as { seed?: string } | undefined)?.seed;
  if (seed) no(seed, 'the seed');
  if (/prngstate|"s0"|credentials/i.test(text)) found.push('PRNG state or credentials');
  for (const seat of SEATS) {
    if (roles.includes(seat)) continue;
    const p = priorityById(F.priority[seat]);
    no(quoted(F.priority[seat]), `${seat}'s priority id`);
    if (p) no(`“${p.title}”`, `${seat}'s priority "${p.title}"`);
  }
  // The deck: every card not yet public, except those NATO's player has looked at.
  for (const id of [...F.deck, ...F.incidentDeck]) {
    if (k.public.has(id) || (roles.includes('nato') && k.peeked.has(id))) continue;
    no(quoted(id), `undrawn inject ${id}`);
    const title = injectById(id)?.title ?? F.white?.written[id]?.title;
    if (title) no(title, `undrawn inject "${title}"`);
  }
  for (const [turn, id] of Object.entries(F.white?.schedule ?? {}))
    // NATO's player has seen this card with Futures (as for the deck above); the schedule itself is checked by shape.
    if (!k.public.has(id) && !(roles.includes('nato') && k.peeked.has(id)))
      no(quoted(id), `the inject scheduled for turn ${turn}`);
  for (const s of ['whiteForceRoll', 'whiteScheduleInject', 'whiteHoldInject', 'fixes the next roll'])
    no(s, `the White Cell's secret power ${s}`);
  for (const s of ['schedules an inject', 'holds the next inject', 'releases the held inject'])
    no(s, `the White Cell's secret "${s}"`);
  if (!roles.includes('china')) {
    no('sendMaterialAid', 'the hidden move sendMaterialAid');
    no('Material-aid marker is placed', 'the hidden Material-aid line');
    for (const a of F.aid) if (!a.revealed) no(quoted(a.id), `hidden aid marker ${a.id}`);
  }
  checkShapes(delivery, roles, found, counts);
  return found;
}

/** The reasons of the viewer's own seats in a delivery's log lines and action log. */
function ownReasons(delivery: unknown, roles: readonly Role[]): string[] {
  const { states, actions } = partsOf(delivery);
  const out: string[] = [];
  for (const s of states)
    for (const e of (s.G as GameState).log) {
      const reason = e.kind === 'move' && e.seat && roles.includes(e.seat) ? splitReason(e.text).reason : null;
      if (reason) out.push(reason);
    }
  const G = states[0]?.G as GameState | undefined;
  for (const entry of actions) {
    const { args, playerID } = entry.action.payload as { args?: unknown; playerID?: string };
    const last = Array.isArray(args) ? (args[args.length - 1] as { why?: unknown } | null) : null;
    const mine = playerID !== undefined && G?.players[playerID]?.some((r) => roles.includes(r));
    if (mine && last && typeof last === 'object' && typeof last.why === 'string') out.push(last.why);
  }
  return out;
}

/** The states and action log inside a sync or update. */
function partsOf(delivery: unknown): { states: State[]; actions: ActionLogEntry[] } {
  const d = delivery as { type?: string; args?: unknown[] };
  if (d.type === 'update')
    return { states: [d.args![1] as State], actions: (d.args![2] as ActionLogEntry[] | undefined) ?? [] };
  if (d.type === 'sync') {
    const info = d.args![1] as { state: State; initialState?: State; log: ActionLogEntry[] };
    return { states: [info.state, ...(info.initialState ? [info.initialState] : [])], actions: info.log };
  }
  return { states: [], actions: [] };
}

/** The structured part: views, log lines and action-log reasons inside a sync or update. */
function checkShapes(delivery: unknown, roles: readonly Role[], found: string[], counts: LeakCounts): void {
  const { states, actions } = partsOf(delivery);
  for (const s of states) {
    const G = s.G as GameState;
    if (G.result) continue;
    if (![...G.deck, ...G.incidentDeck].every((c) => c === HIDDEN)) found.push('the deck order');
    for (const seat of SEATS)
      if (!roles.includes(seat) && G.priority[seat] !== HIDDEN) found.push(`${seat}'s priority in the state`);
    if (!roles.includes('china') && G.aid.some((a) => !a.revealed && !a.id.startsWith(HIDDEN)))
      found.push('a hidden aid marker in the state');
    if (G.pending?.kind === 'futures' && !roles.includes('nato') && G.pending.cards.some((c) => c !== HIDDEN))
      found.push("NATO's Futures cards in the state");
    if (G.pending?.kind === 'approval' && G.pending.action.move === 'sendMaterialAid' && !roles.includes('china'))
      found.push('a covert move awaiting approval, by name');
    if (G.white && (G.white.forcedRolls.length || Object.keys(G.white.schedule).length || G.white.hold))
      found.push("the White Cell's fixed rolls, schedule or hold");
    for (const e of G.log as LogEntry[]) {
      const own = e.seat !== null && roles.includes(e.seat);
      const reason = e.kind === 'move' ? splitReason(e.text).reason : null;
      if (reason !== null && own && namesSecret(reason)) counts.ownSecretReasons++;
      if (reason !== null && !own) {
        counts.othersReasons++;
        if (namesSecret(reason)) found.push(`a secret reason of ${e.seat}: ${reason}`);
      }
      // A line's `reason` is always the White Cell's (its acts, readings and ratings), whoever's line it is.
      if (e.reason && namesSecret(e.reason)) found.push(`a secret White Cell reason: ${e.reason}`);
    }
  }
  for (const entry of actions) {
    const args = (entry.action.payload as { args?: unknown }).args;
    const last = Array.isArray(args) ? (args[args.length - 1] as { why?: unknown } | null) : null;
    const mine = states[0] && roles.length > 0 && (entry.action.payload as { playerID?: string }).playerID;
    if (last && typeof last === 'object' && typeof last.why === 'string' && namesSecret(last.why)) {
      const G = states[0]!.G as GameState;
      if (mine && G.players[mine as string]?.some((r) => roles.includes(r))) counts.ownSecretReasons++;
      else found.push(`a secret reason in the action log: ${last.why}`);
    }
  }
}

export interface GamePlan {
  scenario: string;
  variant: 2 | 3 | 4;
  whiteCell: boolean;
  /** Bot level (BOT_LEVELS short name) per seat player, by playerID. */
  levels: Record<string, string>;
  seed: string;
}

/**
 * The scripted White Cell: between seat moves it sometimes fixes a roll, schedules or holds an inject,
 * overrides a track with a reason naming a future inject, forces an inject, asks to approve actions
 * at high tension and rewinds once; it decides every pending approval with a reason naming the move.
 */
export function umpireMove(
  G: GameState,
  rng: Stream,
  rewound: { done: boolean },
): { move: string; args: unknown[] } | null {
  const p = G.pending;
  if (p?.kind === 'approval') return { move: 'whiteDecide', args: [rng() < 0.7, `deciding on ${p.action.move}`] };
  if (p?.kind === 'adjudication') return { move: 'whiteRate', args: [3, 'a fair case'] };
  if (G.white?.paused) return { move: 'whiteResume', args: ['back to the table'] };
  if (rng() > 0.08) return null;
  const next = G.deck[0];
  const title = next ? injectById(next)?.title : undefined;
  const r = rng();
  if (r < 0.2) return { move: 'whiteForceRoll', args: [1 + Math.floor(rng() * 6), 'the umpire wants a strong push'] };
  if (r < 0.35 && next && G.turn < G.lastTurn)
    return { move: 'whiteScheduleInject', args: [next, G.turn + 1, `${title ?? next} lands next turn`] };
  if (r < 0.45) return { move: 'whiteHoldInject', args: ['a quiet turn for the cells'] };
  if (r < 0.6 && title) {
    const track = TRACK_IDS[Math.floor(rng() * TRACK_IDS.length)]!;
    return { move: 'whiteOverrideTrack', args: [track, G.tracks[track], `${title} is coming, hold steady`] };
  }
  if (r < 0.7) return { move: 'whiteRequireApproval', args: [true, 'tension is high: the umpire approves'] };
  if (r < 0.8 && G.deck.length > 2)
    return { move: 'whiteForceInject', args: [G.deck[G.deck.length - 1]!, 'the room wants the crisis now'] };
  if (r < 0.85 && !rewound.done && G.turn >= 3) {
    rewound.done = true;
    return { move: 'whiteRewind', args: [G.turn - 1, 'replay that turn'] };
  }
  return null;
}

export const makeMove = (type: string, args: unknown[], playerID: string) =>
  ({ type: 'MAKE_MOVE', payload: { type, args, playerID } }) as never;

/** A game set up as the server sets up a match (seed from the plan), and its reducer. */
export function startGame(plan: GamePlan): { state: State; reduce: (s: State, a: never) => State; game: Game } {
  const setup: SetupData = {
    scenario: plan.scenario,
    variant: plan.variant,
    ...(plan.whiteCell ? { whiteCell: true } : {}),
  };
  const game = ProcessGameConfig({ ...EastAsiaTomorrow, seed: plan.seed, disableUndo: true });
  const reducer = CreateGameReducer({ game });
  const state = InitializeGame({ game, numPlayers: plan.variant + (plan.whiteCell ? 1 : 0), setupData: setup });
  return { state, reduce: reducer as never, game };
}

/** Who acts next in the full state: the White Cell (when it must or wants to) or the acting seat's player. */
export function nextActor(
  G: GameState,
  rng: Stream,
  rewound: { done: boolean },
): { playerID: string; white: { move: string; args: unknown[] } | null; seat: Seat | null } | null {
  if (G.white) {
    const w = umpireMove(G, rng, rewound);
    if (w) return { playerID: playerOf(G, 'white')!, white: w, seat: null };
    if (awaitingWhiteCell(G)) return null;
  }
  const seat = actingSeat(G);
  return seat ? { playerID: playerOf(G, seat)!, white: null, seat } : null;
}

export { streamFrom };
