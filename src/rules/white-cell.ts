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
import { logResolution } from './log';
import { HIDDEN_MOVES } from './moves';
import { advance, resolveInject, snapshotOf } from './turn-order';
import { settleWar } from './victory';
import type { Action, Argument, GameState, LogEntry, Pending, Snapshot, WhiteCell } from './state';
import { RULE_NUMBERS } from '../content/rule-numbers';

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
export const APPROVAL_TENSION = RULE_NUMBERS.approvalTension;
const MATRIX = RULE_NUMBERS.matrix;

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
  const parsed = WHITE_RULES[name].args.safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data as unknown[] };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${name}: argument ${issue?.path.join('.') || '?'}: ${issue?.message ?? 'invalid'}` };
}

/** What a White Cell power works with: the state, its record, the resolution, its reason and its log line. */
export interface WhiteContext {
  G: GameState;
  W: WhiteCell;
  r: Resolution;
  why: string;
  /** Log the power's line (`White Cell — …`), with the reason and who may read it. */
  say(text: string): void;
}

/** A seat's action the White Cell approved: the engine applies it as asked. */
export interface Approved {
  seat: Seat;
  action: Action;
}

/** One White Cell power, as a seat move has its rule (moves/rule.ts): parse, predicate, change. */
export interface WhiteRule<A extends unknown[] = unknown[]> {
  /** Its arguments, the written reason last, parsed at the boundary (they come from a person, over a socket). */
  args: z.ZodType<A>;
  /** The power's predicate: can it be used now, with these arguments? */
  allowed?(G: GameState, W: WhiteCell, args: A): boolean;
  /** The change; an approval returns the seat's action, for the engine to apply. */
  play(c: WhiteContext, args: A): Approved | void;
  /** After the change the game runs on: war is settled and the turn advances unless the White Cell is awaited. */
  runsOn?: boolean;
  /** Usable once the game is over (the rewinds: a seminar replays an ending). */
  afterEnd?: boolean;
}

/** Keeps each rule's argument types while the table holds them all. */
const power = <A extends unknown[]>(rule: WhiteRule<A>): WhiteRule<A> => rule;

/** A card of the deck or one the White Cell wrote (its own key only: an id such as `constructor` is no card). */
const knownInject = (W: WhiteCell, id: string) =>
  injectById(id) !== undefined || Object.prototype.hasOwnProperty.call(W.written, id);

/** Every White Cell power, by name; the engine dispatches them (engine.ts `applyWhiteAction`). */
export const WHITE_RULES: Record<WhiteMoveName, WhiteRule> = {
  whiteForceInject: power({
    args: z.tuple([injectId, reason]),
    allowed: (_G, W, [id]) => knownInject(W, id),
    play: ({ G, r, say }, [id]) => {
      const at = G.deck.indexOf(id);
      if (at >= 0) G.deck.splice(at, 1);
      say(`forces an inject now`);
      resolveInject(r, id);
    },
    runsOn: true,
  }),
  whiteScheduleInject: power({
    args: z.tuple([injectId, z.number().int().min(1).max(12), reason]),
    allowed: (G, W, [id, turn]) => knownInject(W, id) && turn > G.turn && turn <= G.lastTurn,
    play: ({ W, say }, [id, turn]) => {
      W.schedule[String(turn)] = id;
      say(`schedules an inject for turn ${turn}`);
    },
  }),
  whiteHoldInject: power({
    args: z.tuple([reason]),
    play: ({ W, say }) => {
      W.hold = !W.hold;
      say(W.hold ? 'holds the next inject' : 'releases the held inject');
    },
  }),
  whiteWriteInject: power({
    args: z.tuple([WrittenInject, reason]),
    play: ({ G, W, r, say }, [card]) => {
      const id = `written-${G.nextId++}`;
      W.written[id] = {
        title: card.title,
        text: card.text,
        effects: card.effects as WhiteCell['written'][string]['effects'],
      };
      say(`writes an inject: “${card.title}”`);
      resolveInject(r, id);
    },
    runsOn: true,
  }),
  whiteOverrideTrack: power({
    args: z.tuple([z.enum(TRACK_IDS as [Track, ...Track[]]), z.number().int(), reason]),
    allowed: (_G, _W, [track, value]) => value >= TRACKS[track][0] && value <= TRACKS[track][1],
    play: ({ G, r, say }, [track, value]) => {
      changeTrack(r, track, value - G.tracks[track]);
      say(`overrides ${r.notes.join(', ') || `${track} (unchanged)`}`);
      r.notes = [];
    },
    runsOn: true,
  }),
  whiteForceRoll: power({
    args: z.tuple([z.number().int().min(1).max(6), reason]),
    play: ({ W, say }, [face]) => {
      W.forcedRolls.push(face);
      say(`fixes the next roll at ${face}`);
    },
  }),
  whitePause: power({
    args: z.tuple([reason]),
    allowed: (_G, W) => !W.paused,
    play: ({ W, say }) => {
      W.paused = true;
      say('pauses the game');
    },
  }),
  whiteResume: power({
    args: z.tuple([reason]),
    allowed: (_G, W) => W.paused,
    play: ({ W, say }) => {
      W.paused = false;
      say('resumes the game');
    },
    runsOn: true,
  }),
  whiteRewind: power({
    args: z.tuple([z.number().int().min(1).max(12), reason]),
    allowed: (G, W, [turn]) => turn <= G.turn && W.snapshots.some((s) => s.turn === turn),
    play: ({ G, W, why, say }, [turn]) => {
      const snap = W.snapshots.find((s) => s.turn === turn)!;
      W.branches.push({ leftAtTurn: G.turn, reason: why, state: snapshotOf(G), snapshots: W.snapshots });
      restore(G, snap.state);
      W.snapshots = W.snapshots.filter((s) => s.turn <= turn);
      say(`rewinds to the start of turn ${turn} (the abandoned branch is kept as branch ${W.branches.length - 1})`);
    },
    afterEnd: true,
  }),
  whiteReopenBranch: power({
    args: z.tuple([z.number().int().min(0).max(100), reason]),
    allowed: (_G, W, [i]) => Boolean(W.branches[i]?.state),
    play: ({ G, W, why, say }, [i]) => {
      const branch = W.branches[i]!;
      W.branches.splice(i, 1, { leftAtTurn: G.turn, reason: why, state: snapshotOf(G), snapshots: W.snapshots });
      restore(G, branch.state!);
      W.snapshots = branch.snapshots;
      say(`reopens branch ${i}; the line just left is kept as branch ${i}`);
    },
    afterEnd: true,
  }),
  whiteRequireApproval: power({
    args: z.tuple([z.boolean(), reason]),
    play: ({ W, say }, [on]) => {
      W.requireApproval = on;
      say(on ? `will approve every action at tension ${APPROVAL_TENSION}+` : 'no longer approves actions');
    },
  }),
  whiteDecide: power({
    args: z.tuple([z.boolean(), reason]),
    allowed: (G) => G.pending?.kind === 'approval',
    play: ({ G, say }, [approve]) => {
      const p = G.pending as Extract<Pending, { kind: 'approval' }>;
      G.pending = null;
      say(`${approve ? 'approves' : 'refuses'} ${SEAT_NAMES[p.seat]}'s ${MOVE_CATALOGUE[p.action.move].name}`);
      // The action was legal when asked and nothing has changed since, so it applies as asked.
      if (approve) return { seat: p.seat, action: p.action };
    },
  }),
  whiteRate: power({
    args: z.tuple([z.number().int().min(1).max(MATRIX.ratings), reason]),
    allowed: (G) => G.pending?.kind === 'adjudication',
    play: ({ G, r, why }, [rating]) => {
      const p = G.pending as Extract<Pending, { kind: 'adjudication' }>;
      G.pending = null;
      rateArgument(r, p.seat, p.argument, rating, why);
    },
    runsOn: true,
  }),
  whiteInterpret: power({
    args: z.tuple([z.number().int().min(0).max(3), reason]),
    allowed: (G, _W, [i]) => G.pending?.kind === 'reading' && G.pending.options[i] !== undefined,
    play: ({ G, r, why }, [i]) => {
      const p = G.pending as Extract<Pending, { kind: 'reading' }>;
      readPending(r, p, () => applyReading(r, p.options[i]!, 'the White Cell', p.source), why);
    },
    runsOn: true,
  }),
  whiteSetAdjudication: power({
    args: z.tuple([z.enum(['rigid', 'free']), reason]),
    play: ({ W, say }, [mode]) => {
      W.adjudication = mode;
      say(`sets adjudication to ${mode}`);
    },
  }),
};

/** The powers the White Cell keeps after the end: the end is not final while it may go back. */
export const AFTER_END_MOVES: ReadonlySet<WhiteMoveName> = new Set(
  WHITE_MOVES.filter((move) => WHITE_RULES[move].afterEnd === true),
);

/** Who reads a power's log line: a secret power's, and a verdict on a covert move, are for the umpire (and the mover) alone. */
export function whiteLineVisibleTo(G: GameState, move: WhiteMoveName): LogEntry['visibleTo'] {
  if (SECRET_WHITE_MOVES.has(move)) return ['white'];
  if (move === 'whiteDecide' && G.pending?.kind === 'approval' && HIDDEN_MOVES.has(G.pending.action.move))
    return [G.pending.seat, 'white'];
  return undefined;
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

/** Resolve the pending reading with `read` and log it as the inject's line (with the White Cell's reason, if it read it). */
function readPending(r: Resolution, p: Extract<Pending, { kind: 'reading' }>, read: () => void, reason?: string): void {
  r.G.pending = null;
  // The inject's own effects, so a war they start is the inject's, as if the table had read it.
  r.cause = 'inject';
  read();
  logResolution(r, 'inject', `Inject — ${p.source}`, reason === undefined ? {} : { reason });
}

/** After a White Cell act: settle a war, and play on unless the game still waits for the umpire. */
export function settleAndGoOn(r: Resolution): void {
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

/** Matrix adjudication: rating 1 (very unlikely) to MATRIX.ratings (very likely); success on d6 ≥ MATRIX.target − rating. */
function rateArgument(r: Resolution, seat: Seat, argument: Argument, rating: number, why: string): void {
  const face = d6(r.dice);
  r.rolls.push(face);
  const need = MATRIX.target - rating;
  const ok = face >= need;
  r.notes.push(`rated ${rating}/${MATRIX.ratings}; rolled ${face} vs ${need}: ${ok ? 'it happens' : 'it fails'}`);
  const mover = r.seat;
  r.seat = seat;
  if (ok) applyEffects(r, argument.effects, 'matrix argument');
  logResolution(r, 'white', `Adjudication — “${argument.action}”`, { reason: why });
  r.seat = mover;
}
