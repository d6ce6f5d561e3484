/** The White Cell's powers as ordinary logged actions with reasons, so every replay stays exact. */
import { z } from 'zod';
import { EffectSchema } from '../content/effects';
import { TRACK_IDS, TRACKS, WHITE_MOVES, type Seat, type Track, type WhiteMoveName } from '../content/ids';
import { injectById } from '../content/injects';
import { MOVE_CATALOGUE } from '../content/moves';
import { SEAT_NAMES } from '../content/seats';
import { changeTrack } from './changes';
import { resolution, type Resolution } from './context';
import type { Dice } from './dice';
import { d6 } from './dice';
import { applyEffects, applyReading, readByTable } from './effects';
import { log, logResolution } from './log';
import { HIDDEN_MOVES } from './moves';
import { advance, resolveInject, snapshotOf } from './turn-order';
import { settleWar } from './victory';
import type { Action, AnyAction, Argument, GameState, LogEntry, Pending, Snapshot, WhiteCell } from './state';

const reason = z.string().trim().min(1, 'a reason is required').max(500);
const injectId = z.string().max(80);
const WrittenInject = z.object({
  title: z.string().trim().min(1).max(120),
  text: z.string().trim().min(1).max(1000),
  effects: z.array(EffectSchema).max(12),
});

/** The powers whose use is itself a secret (the next die, a future inject, a held inject): logged for the umpire only. */
export const SECRET_WHITE_MOVES: ReadonlySet<WhiteMoveName> = new Set([
  'whiteForceRoll',
  'whiteScheduleInject',
  'whiteHoldInject',
]);

/** The powers the White Cell keeps after the end: the end is not final while it may go back. */
export const AFTER_END_MOVES: ReadonlySet<WhiteMoveName> = new Set(['whiteRewind', 'whiteReopenBranch']);

/** Each White Cell move's arguments, parsed at the boundary (they come from a person, over a socket). */
const WHITE_ARGS = {
  whiteForceInject: z.tuple([injectId, reason]),
  whiteScheduleInject: z.tuple([injectId, z.number().int().min(1).max(12), reason]),
  whiteHoldInject: z.tuple([reason]),
  whiteWriteInject: z.tuple([WrittenInject, reason]),
  whiteOverrideTrack: z.tuple([z.enum(TRACK_IDS as [Track, ...Track[]]), z.number().int(), reason]),
  whiteForceRoll: z.tuple([z.number().int().min(1).max(6), reason]),
  whitePause: z.tuple([reason]),
  whiteResume: z.tuple([reason]),
  whiteRewind: z.tuple([z.number().int().min(1).max(12), reason]),
  whiteReopenBranch: z.tuple([z.number().int().min(0).max(100), reason]),
  whiteRequireApproval: z.tuple([z.boolean(), reason]),
  whiteDecide: z.tuple([z.boolean(), reason]),
  whiteRate: z.tuple([z.number().int().min(1).max(5), reason]),
  whiteInterpret: z.tuple([z.number().int().min(0).max(3), reason]),
  whiteSetAdjudication: z.tuple([z.enum(['rigid', 'free']), reason]),
} satisfies Record<WhiteMoveName, z.ZodTypeAny>;

export function newWhiteCell(): WhiteCell {
  return {
    paused: false,
    requireApproval: false,
    adjudication: 'rigid',
    hold: false,
    schedule: {},
    forcedRolls: [],
    written: {},
    snapshots: [],
    branches: [],
  };
}

/** Is the game waiting on the White Cell (paused, or an approval, rating or reading pending)? */
export function awaitingWhiteCell(G: GameState): boolean {
  return (
    !G.result &&
    (G.white?.paused === true ||
      G.pending?.kind === 'approval' ||
      G.pending?.kind === 'adjudication' ||
      G.pending?.kind === 'reading')
  );
}

/** From this tension on, an approving White Cell sees every action before it happens. */
export const APPROVAL_TENSION = 8;

/** Does this action need the White Cell's approval before it happens? */
export function needsApproval(G: GameState, action: Action): boolean {
  return (
    G.white?.requireApproval === true &&
    G.tracks.tension >= APPROVAL_TENSION &&
    !['pass', 'lambaste', 'declineLambaste', 'chooseOption'].includes(action.move)
  );
}

export function isWhiteMove(name: unknown): name is WhiteMoveName {
  return typeof name === 'string' && (WHITE_MOVES as readonly string[]).includes(name);
}

/** Parse a White Cell action's arguments; the first problem in words, or the parsed tuple. */
export function parseWhiteArgs(
  name: WhiteMoveName,
  args: unknown,
): { ok: true; args: unknown[] } | { ok: false; problem: string } {
  const parsed = WHITE_ARGS[name].safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data as unknown[] };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${name}: argument ${issue?.path.join('.') || '?'}: ${issue?.message ?? 'invalid'}` };
}

type Apply = (G: GameState, seat: Seat, action: Action, dice: Dice, opts: { approved: boolean }) => boolean;

/**
 * Apply a White Cell action. `applySeat` applies a seat's action (for approvals). Returns false, with
 * no change, when the arguments are malformed or the power cannot be used now.
 */
export function applyWhiteAction(G: GameState, action: AnyAction, dice: Dice, applySeat: Apply): boolean {
  const W = G.white;
  if (!W || !isWhiteMove(action?.move)) return false;
  const parsed = parseWhiteArgs(action.move, action.args);
  if (!parsed.ok) return false;
  const a = parsed.args;
  const why = a[a.length - 1] as string;
  const r = resolution(G, null, dice);
  // A secret power's line (and a verdict on a covert move) is for the umpire (and the mover) alone.
  const visibleTo: LogEntry['visibleTo'] = SECRET_WHITE_MOVES.has(action.move)
    ? ['white']
    : action.move === 'whiteDecide' && G.pending?.kind === 'approval' && HIDDEN_MOVES.has(G.pending.action.move)
      ? [G.pending.seat, 'white']
      : undefined;
  const say = (text: string) =>
    log(G, {
      seat: 'white',
      kind: 'white',
      text: `White Cell — ${text}`,
      reason: why,
      ...(visibleTo ? { visibleTo } : {}),
    });
  if (G.result && !AFTER_END_MOVES.has(action.move)) return false;
  switch (action.move) {
    case 'whiteForceInject': {
      const id = a[0] as string;
      if (!injectById(id) && !W.written[id]) return false;
      const at = G.deck.indexOf(id);
      if (at >= 0) G.deck.splice(at, 1);
      say(`forces an inject now`);
      resolveInject(r, id);
      break;
    }
    case 'whiteScheduleInject': {
      const [id, turn] = a as [string, number];
      if ((!injectById(id) && !W.written[id]) || turn <= G.turn || turn > G.lastTurn) return false;
      W.schedule[String(turn)] = id;
      say(`schedules an inject for turn ${turn}`);
      return true;
    }
    case 'whiteHoldInject':
      W.hold = !W.hold;
      say(W.hold ? 'holds the next inject' : 'releases the held inject');
      return true;
    case 'whiteWriteInject': {
      const card = a[0] as z.infer<typeof WrittenInject>;
      const id = `written-${G.nextId++}`;
      W.written[id] = {
        title: card.title,
        text: card.text,
        effects: card.effects as WhiteCell['written'][string]['effects'],
      };
      say(`writes an inject: “${card.title}”`);
      resolveInject(r, id);
      break;
    }
    case 'whiteOverrideTrack': {
      const [track, value] = a as [Track, number];
      const [lo, hi] = TRACKS[track];
      if (value < lo || value > hi) return false;
      changeTrack(r, track, value - G.tracks[track]);
      say(`overrides ${r.notes.join(', ') || `${track} (unchanged)`}`);
      r.notes = [];
      break;
    }
    case 'whiteForceRoll':
      W.forcedRolls.push(a[0] as number);
      say(`fixes the next roll at ${a[0] as number}`);
      return true;
    case 'whitePause':
      if (W.paused) return false;
      W.paused = true;
      say('pauses the game');
      return true;
    case 'whiteResume':
      if (!W.paused) return false;
      W.paused = false;
      say('resumes the game');
      break;
    case 'whiteRewind': {
      const turn = a[0] as number;
      const snap = W.snapshots.find((s) => s.turn === turn);
      if (!snap || turn > G.turn) return false;
      W.branches.push({ leftAtTurn: G.turn, reason: why, state: snapshotOf(G), snapshots: W.snapshots });
      restore(G, snap.state);
      W.snapshots = W.snapshots.filter((s) => s.turn <= turn);
      say(`rewinds to the start of turn ${turn} (the abandoned branch is kept as branch ${W.branches.length - 1})`);
      return true;
    }
    case 'whiteReopenBranch': {
      const i = a[0] as number;
      const branch = W.branches[i];
      if (!branch?.state) return false;
      W.branches.splice(i, 1, { leftAtTurn: G.turn, reason: why, state: snapshotOf(G), snapshots: W.snapshots });
      restore(G, branch.state);
      W.snapshots = branch.snapshots;
      say(`reopens branch ${i}; the line just left is kept as branch ${i}`);
      return true;
    }
    case 'whiteRequireApproval':
      W.requireApproval = a[0] as boolean;
      say(W.requireApproval ? 'will approve every action at tension 8+' : 'no longer approves actions');
      return true;
    case 'whiteSetAdjudication':
      W.adjudication = a[0] as 'rigid' | 'free';
      say(`sets adjudication to ${W.adjudication}`);
      return true;
    case 'whiteDecide': {
      const p = G.pending;
      if (p?.kind !== 'approval') return false;
      G.pending = null;
      say(`${a[0] ? 'approves' : 'refuses'} ${SEAT_NAMES[p.seat]}'s ${MOVE_CATALOGUE[p.action.move].name}`);
      // The action was legal when asked and nothing has changed since, so it applies as asked.
      if (a[0]) applySeat(G, p.seat, p.action, dice, { approved: true });
      return true;
    }
    case 'whiteRate': {
      const p = G.pending;
      if (p?.kind !== 'adjudication') return false;
      G.pending = null;
      rateArgument(r, p.seat, p.argument, a[0] as number, why);
      break;
    }
    case 'whiteInterpret': {
      const p = G.pending;
      const reading = p?.kind === 'reading' ? p.options[a[0] as number] : undefined;
      if (p?.kind !== 'reading' || !reading) return false;
      readPending(r, p, () => applyReading(r, reading, 'the White Cell', p.source));
      G.log[G.log.length - 1]!.reason = why;
      break;
    }
  }
  settleAndGoOn(r);
  return true;
}

/**
 * A reading left pending when nobody sits in the White Cell's chair (bots playing on from a saved
 * position): the table's die reads it, as in a game without an umpire. False if none is pending.
 */
export function readPendingByTable(G: GameState, dice: Dice): boolean {
  const p = G.pending;
  if (p?.kind !== 'reading') return false;
  const r = resolution(G, null, dice);
  readPending(r, p, () => readByTable(r, p.options, p.source));
  settleAndGoOn(r);
  return true;
}

/** Resolve the pending reading with `read` and log it as the inject's line. */
function readPending(r: Resolution, p: Extract<Pending, { kind: 'reading' }>, read: () => void): void {
  r.G.pending = null;
  // The inject's own effects, so a war they start is the inject's, as if the table had read it.
  r.cause = 'inject';
  read();
  logResolution(r, 'inject', `Inject — ${p.source}`);
}

/** After a White Cell act: settle a war, and play on unless the game still waits for the umpire. */
function settleAndGoOn(r: Resolution): void {
  settleWar(r);
  if (!r.G.result && !awaitingWhiteCell(r.G)) advance(r);
  settleWar(r);
}

/** Replace the state's content with a snapshot, keeping the White Cell's record. */
function restore(G: GameState, snap: Snapshot): void {
  const white = G.white;
  for (const key of Object.keys(G)) delete (G as unknown as Record<string, unknown>)[key];
  Object.assign(G, JSON.parse(JSON.stringify(snap)), { white });
}

/** Matrix adjudication: rating 1 (very unlikely) to 5 (very likely); success on d6 ≥ 7 − rating. */
function rateArgument(r: Resolution, seat: Seat, argument: Argument, rating: number, why: string): void {
  const face = d6(r.dice);
  r.rolls.push(face);
  const need = 7 - rating;
  const ok = face >= need;
  r.notes.push(`rated ${rating}/5 (${why}); rolled ${face} vs ${need}: ${ok ? 'it happens' : 'it fails'}`);
  const mover = r.seat;
  r.seat = seat;
  if (ok) applyEffects(r, argument.effects, 'matrix argument');
  logResolution(r, 'white', `Adjudication — “${argument.action}”`);
  r.seat = mover;
}
