/**
 * The Expert: a determinized flat Monte-Carlo search over the legal moves. Each iteration fills the
 * hidden parts of a copy of the seat's view with plausible guesses (an unseen-inject deck, other
 * seats' priorities, anonymous aid), plays one candidate, then lets scripted bots play every seat
 * to the next summit, rolling dice from the Expert's own stream (never the game's), and scores the
 * margins that summit leaves as the rest of the game will count them. Candidates compete by
 * successive halving on common random numbers, within a budget of iterations (not milliseconds, so
 * it is deterministic). `startExpertSearch` runs it in slices, so a server can yield between them and
 * a browser can run it in a Web Worker.
 */
import { streamFrom } from '../random';
import { BALANCE } from '../content/balance';
import { PORTS, SEATS, type BySeat, type MoveName, type Seat } from '../content/ids';
import { MOVE_NUMBERS } from '../content/move-numbers';
import { INJECTS } from '../content/injects';
import { prioritiesFor } from '../content/priorities';
import {
  applyAction,
  actingSeat,
  legalMoves,
  actionWords,
  SEAT_NAMES,
  finalMargins,
  portController,
  priorityValue,
  type Action,
  type GameState,
} from '../rules';
import type { Decision } from './flowchart';
import { standing } from './read';
import { scriptedDecision } from './scripted';
import { TUNING } from './tuning';

export interface ExpertOptions {
  /** Rollouts in all (default: `expertBudget`'s look-aheads per candidate). */
  iterations?: number;
  /** Most candidate moves searched (default: `expertBudget`'s share of the kinds of legal move; the scripted choice is always one). */
  candidates?: number;
  /** Turns a rollout plays past the current one before it is scored (default: to the next summit). */
  horizonTurns?: number;
}

/**
 * The default search for a position with `kinds` kinds of legal move (TUNING.expert): the same share of
 * them for every seat, with the same look-aheads each.
 */
export function expertBudget(kinds: number): Required<Omit<ExpertOptions, 'horizonTurns'>> {
  const { share, minCandidates, lookAheads } = TUNING.expert;
  const candidates = Math.max(minCandidates, Math.ceil(kinds * share));
  return { candidates, iterations: candidates * lookAheads };
}

/** Whether the turn ends in a summit (every `summitTurns` turns, and the last). */
const summitAfter = (G: GameState, turn: number) => turn % BALANCE.summitTurns === 0 || turn >= G.lastTurn;

/** Turns from the current one to the next summit: most of what a seat's margin counts is counted there. */
export function turnsToSummit(G: GameState): number {
  let t = G.turn;
  while (!summitAfter(G, t)) t += 1;
  return t - G.turn;
}

/**
 * The margins a look-ahead's last state is worth: the final count's (a national priority met adds its
 * value), less the cohesion each port China holds will cost NATO at every summit still to come.
 */
export function projectedMargins(G: GameState): BySeat<number> {
  if (G.result) return G.result.margins;
  const m = finalMargins(G);
  let summits = 0;
  for (let t = G.turn; t <= G.lastTurn; t++) if (summitAfter(G, t)) summits += 1;
  const ports = PORTS.filter((p) => portController(G, p) === 'china').length;
  m.nato -= summits * ports * MOVE_NUMBERS.investInPort.summitCohesionPerPort;
  return m;
}

/**
 * The seat's margin as its why may print it: without its national priority's value, a secret that a number
 * would carry past the gate (the values differ by priority). A sudden death counts no priority (victory.ts).
 */
export function shownMargin(G: GameState, seat: Seat, m: BySeat<number>): number {
  return G.result?.ending === 'sudden-death' ? m[seat] : m[seat] - priorityValue(G, seat);
}

/** Shuffle with the given stream (Fisher–Yates). */
function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * One plausible full state behind `view`: only what `seat` may know is kept. The deck is rebuilt from
 * injects not yet seen (never from the view's deck, whose length alone is public), other seats'
 * priorities are guessed, unrevealed aid is anonymous, and the log keeps this turn's visible lines.
 */
export function determinize(view: GameState, seat: Seat, rng: () => number): GameState {
  // No White Cell in a guessed world: nothing there waits for an umpire's approval.
  const G = structuredClone({ ...view, log: [], white: null }) as GameState;
  G.log = view.log
    .filter((e) => e.turn === view.turn && (!e.visibleTo || e.visibleTo.includes(seat)))
    .map((e) => ({ ...e }));
  const seen = new Set(view.discard);
  const known = view.pending?.kind === 'futures' && view.pending.seat === seat ? view.pending.cards : [];
  const unseen = shuffled(
    INJECTS.filter((c) => c.deck === 'main' && !seen.has(c.id) && !known.includes(c.id)).map((c) => c.id),
    rng,
  );
  const deck = [...known, ...unseen];
  G.deck = Array.from({ length: view.deck.length }, (_, i) => deck[i % Math.max(1, deck.length)] ?? '');
  G.incidentDeck = shuffled(
    INJECTS.filter((c) => c.deck === 'incident').map((c) => c.id),
    rng,
  ).slice(0, Math.max(view.incidentDeck.length, 1));
  for (const s of SEATS) {
    if (s === seat) continue;
    const options = prioritiesFor(s);
    G.priority[s] = options.length ? options[Math.floor(rng() * options.length)]!.id : '';
  }
  if (seat !== 'china') G.aid = view.aid.map((a, i) => (a.revealed ? { ...a } : { id: `guess-${i}`, revealed: false }));
  return G;
}

/** Play scripted bots in every seat until the game ends or `lastTurn` is over. */
function rollout(G: GameState, lastTurn: number, rng: () => number): void {
  const dice = { number: rng };
  for (let n = 0; n < 400 && !G.result && G.turn <= lastTurn; n++) {
    const s = actingSeat(G);
    if (!s) return;
    const { action } = scriptedDecision(G, s, rng, true);
    if (!applyAction(G, s, action, dice)) return;
  }
}

/** Whether `seat` (or, in the 2-seat game, its side) won the ended game. */
function wonBy(G: GameState, seat: Seat): boolean {
  const r = G.result;
  if (!r) return false;
  return G.variant === 2 ? (seat === 'china' ? r.winner === 'china' : r.winner !== 'china') : r.winner === seat;
}

/**
 * The rollout's score for `seat`: its standing on the projected margins (at the Expert's own rival weight),
 * plus a win or loss if the game ended.
 */
function score(G: GameState, seat: Seat, m: BySeat<number>): number {
  return standing(G, seat, m, TUNING.expert.rivalWeight) + (G.result ? (wonBy(G, seat) ? 10 : -3) : 0);
}

const sameAction = (a: Action, b: Action) => a.move === b.move && JSON.stringify(a.args) === JSON.stringify(b.args);

export interface ExpertSearch {
  /** Run up to `iterations` more rollouts; true when the search is finished. */
  step(iterations: number): boolean;
  readonly done: boolean;
  /** The decision (finishing the search first if needed). */
  result(): Decision;
}

/** A search that can be run in slices (see the module note). */
export function startExpertSearch(
  view: GameState,
  seat: Seat,
  rng: () => number,
  options: ExpertOptions = {},
): ExpertSearch {
  const gen = search(view, seat, rng, options);
  let out: Decision | null = null;
  const step = (k: number) => {
    for (let i = 0; i < k && !out; i++) {
      const r = gen.next();
      if (r.done) out = r.value;
    }
    return out !== null;
  };
  return {
    step,
    get done() {
      return out !== null;
    },
    result() {
      while (!step(1 << 20));
      return out!;
    },
  };
}

/** The whole search at once. */
export function expertDecision(view: GameState, seat: Seat, rng: () => number, options: ExpertOptions = {}): Decision {
  return startExpertSearch(view, seat, rng, options).result();
}

/**
 * What one candidate did in the look-aheads: its score per sample, wars charged to the seat, games the
 * seat won, and the sum of its margin as the why may print it (`shownMargin`, for the mean).
 */
export interface Candidate {
  action: Action;
  scores: Map<number, number>;
  wars: number;
  wins: number;
  marginSum: number;
}

const mean = (c: Candidate) => [...c.scores.values()].reduce((a, b) => a + b, 0) / Math.max(1, c.scores.size);

/** A move's name with its target in brackets ("Port investment (North Sea ports)"), so it reads inside a sentence. */
function moveName(action: Action): string {
  const [name, ...target] = actionWords(action).split(' — ');
  return target.length ? `${name} (${target.join(' — ')})` : name!;
}

/** A mean to one decimal, as compared and as printed (with a real minus sign). */
const tenths = (sum: number, c: Candidate) => Math.round((sum / Math.max(1, c.scores.size)) * 10) / 10;
const points = (x: number) => x.toFixed(1).replace('-', '−');

/**
 * The Expert's why in a player's words: what it chose, what it compared it with, how often the choice
 * came out ahead when both were played out on the same guessed worlds and dice (`horizon`: "to the turn-4
 * summit"), and the first thing that decided: a war the other brought on the seat, a game won, the seat's
 * margin — or a close call (the look-aheads weigh no rival's margin: TUNING.expert.rivalWeight). The scripted
 * bot's own reason follows when the search agrees with it, so a reason naming a secret priority still names it
 * (and the gate shows it only to its seat).
 */
export function explainChoice(
  seat: Seat,
  chosen: Candidate,
  rival: Candidate | null,
  scriptedWhy: string | null,
  horizon = '',
): string {
  const tail = scriptedWhy ? ` — ${scriptedWhy}` : '';
  const who = SEAT_NAMES[seat];
  if (!rival) return `${moveName(chosen.action)}: the only move worth weighing${tail}`;
  const shared = [...chosen.scores.keys()].filter((k) => rival.scores.has(k));
  const better = shared.filter((k) => chosen.scores.get(k)! > rival.scores.get(k)!).length;
  const worse = shared.filter((k) => chosen.scores.get(k)! < rival.scores.get(k)!).length;
  const [ownA, ownB] = [tenths(chosen.marginSum, chosen), tenths(rival.marginSum, rival)];
  const own = [points(ownA), points(ownB)];
  const reason =
    rival.wars > chosen.wars
      ? `the other brought on a war blamed on ${who} in ${rival.wars} of its ${rival.scores.size} play-outs`
      : chosen.wins > rival.wins
        ? `${who} won the game in ${chosen.wins} play-outs, against ${rival.wins}`
        : ownA > ownB
          ? `${who}'s margin ends at ${own[0]} on average, against ${own[1]}`
          : `a close call: ${who}'s margin ends at ${own[0]} on average, against ${own[1]}${better > worse ? ', but it was ahead more often' : ''}`;
  const head = `Chose ${moveName(chosen.action)} over ${moveName(rival.action)}`;
  const tries = `played out ${shared.length} times each${horizon ? ` ${horizon}` : ''}`;
  if (better === 0 && worse === 0)
    return `${head}: both came out the same, ${tries}, so ${scriptedWhy ? 'it keeps to its usual play' : 'either would do'}${tail}`;
  return `${head}: ${tries}, it came out ahead ${better} times and behind ${worse}; ${reason}${tail}`;
}

/**
 * The flowchart's choice, then one move of each kind before a second of any (in a random order): NATO's
 * 60 legal moves hold 14 carrier deployments, and a plain draw weighed those instead of its other moves.
 */
function pickCandidates(legal: readonly Action[], scripted: Action, n: number, rng: () => number): Action[] {
  const kinds = new Map<MoveName, Action[]>();
  for (const a of shuffled(
    legal.filter((a) => !sameAction(a, scripted)),
    rng,
  ))
    kinds.set(a.move, [...(kinds.get(a.move) ?? []), a]);
  const out = [scripted];
  for (let i = 0; out.length < n && [...kinds.values()].some((k) => k.length > i); i++)
    for (const k of kinds.values()) if (k[i] && out.length < n) out.push(k[i]!);
  return out;
}

function* search(view: GameState, seat: Seat, rng: () => number, options: ExpertOptions): Generator<void, Decision> {
  const legal = legalMoves(view, seat);
  if (legal.length === 0) throw new Error(`expert: ${seat} has no legal move on turn ${view.turn}`);
  const kinds = new Set(legal.map((a) => a.move)).size;
  const budget = expertBudget(kinds);
  // `??`, not a spread: a caller's option left undefined keeps the default.
  const opts = {
    candidates: options.candidates ?? budget.candidates,
    iterations: options.iterations ?? budget.iterations,
    horizonTurns: options.horizonTurns ?? turnsToSummit(view),
  };
  const scripted = scriptedDecision(view, seat, rng);
  if (legal.length === 1) return { action: legal[0]!, why: scripted.why };
  let alive: Candidate[] = pickCandidates(legal, scripted.action, opts.candidates, rng).map((action) => ({
    action,
    scores: new Map(),
    wars: 0,
    wins: 0,
    marginSum: 0,
  }));
  const rounds = Math.max(1, Math.ceil(Math.log2(alive.length)));
  const lastTurn = view.turn + opts.horizonTurns;
  let used = 0;
  let sample = 0;
  // The best candidate cut in the last round: what the choice was finally weighed against.
  let rival: Candidate | null = null;
  for (let round = 0; round < rounds && alive.length > 1; round++) {
    const share = Math.max(1, Math.floor((opts.iterations - used) / ((rounds - round) * alive.length)));
    for (let k = 0; k < share; k++, sample++) {
      // Common random numbers: every candidate meets the same guessed world and the same dice.
      const sampleSeed = `${Math.floor(rng() * 2 ** 32)}`;
      for (const cand of alive) {
        const r = streamFrom(sampleSeed);
        const G = determinize(view, seat, r);
        if (applyAction(G, seat, cand.action, { number: r })) rollout(G, lastTurn, r);
        const m = projectedMargins(G);
        cand.scores.set(sample, score(G, seat, m));
        if (G.result?.ending === 'war' && G.result.culprit === seat) cand.wars += 1;
        if (wonBy(G, seat)) cand.wins += 1;
        cand.marginSum += shownMargin(G, seat, m);
        used += 1;
        yield;
      }
    }
    alive.sort((a, b) => mean(b) - mean(a));
    const keep = Math.max(1, Math.ceil(alive.length / 2));
    rival = alive[keep] ?? rival;
    alive = alive.slice(0, keep);
  }
  const top = alive[0]!;
  const agrees = sameAction(top.action, scripted.action);
  const horizon = summitAfter(view, lastTurn) ? `to the turn-${lastTurn} summit` : `to the end of turn ${lastTurn}`;
  return { action: top.action, why: explainChoice(seat, top, rival, agrees ? scripted.why : null, horizon) };
}
