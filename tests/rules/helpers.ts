/** Test helpers: start a headless game from a scenario and a seed, and play it with a seeded policy. */
import { SEATS, TRACKS, SEA_ZONES, type Seat, type Track, type Variant } from '../../src/content/ids';
import { scenarioById } from '../../src/content/scenario';
import { applyAction, actingSeat, legalMoves } from '../../src/rules/engine';
import { setupState } from '../../src/rules/setup';
import type { Action, GameState } from '../../src/rules/state';
import { streamFrom, createDice, type DiceStream } from '../../src/random';

export interface Match {
  G: GameState;
  dice: DiceStream;
}

export function newMatch(scenario = 'baseline-2023', variant: Variant = 4, seed = 'test'): Match {
  const s = scenarioById(scenario);
  if (!s) throw new Error(`no scenario ${scenario}`);
  const dice = createDice(seed);
  return { G: setupState(s, { variant }, dice), dice };
}

/** Play `action` as whoever must act now; throws if it is not legal (tests want to know). */
export function play(m: Match, move: Action['move'], ...args: unknown[]): void {
  const seat = actingSeat(m.G);
  if (!seat) throw new Error('game over');
  if (!applyAction(m.G, seat, { move, args }, m.dice))
    throw new Error(`${seat} may not ${move}(${JSON.stringify(args)})`);
}

/** A seeded random legal policy: returns the number of actions played. */
export function playRandomly(m: Match, seed: string, maxActions = 4000, check?: (G: GameState) => void): number {
  const rng = streamFrom(seed);
  let n = 0;
  for (; n < maxActions; n++) {
    const seat = actingSeat(m.G);
    if (!seat) return n;
    const moves = legalMoves(m.G, seat);
    if (moves.length === 0) throw new Error(`no legal move for ${seat} at action ${n}`);
    // Pass rarely, so games explore the moves.
    const nonPass = moves.filter((a) => a.move !== 'pass');
    const pool = nonPass.length && rng() < 0.85 ? nonPass : moves;
    const action = pool[Math.floor(rng() * pool.length)]!;
    if (!applyAction(m.G, seat, action, m.dice)) throw new Error(`legal move refused: ${JSON.stringify(action)}`);
    check?.(m.G);
  }
  throw new Error(`game did not end within ${maxActions} actions`);
}

/** The invariants every reachable state keeps. Returns the broken ones. */
export function brokenInvariants(G: GameState): string[] {
  const out: string[] = [];
  for (const [t, [lo, hi]] of Object.entries(TRACKS)) {
    const v = G.tracks[t as Track];
    if (!Number.isInteger(v) || v < lo || v > hi) out.push(`track ${t}=${v} outside ${lo}..${hi}`);
  }
  for (const s of SEATS) if (G.ap[s] < 0) out.push(`AP of ${s} negative`);
  for (const u of G.units)
    if (!(SEA_ZONES as readonly string[]).includes(u.space)) out.push(`unit ${u.id} on ${u.space}, not a sea zone`);
  for (const [p, tr] of Object.entries(G.partnership)) {
    if (tr.level !== null && (tr.level < 0 || tr.level > 4)) out.push(`partnership ${p} level ${tr.level}`);
    if (tr.pips < 0 || tr.pips > 1) out.push(`partnership ${p} pips ${tr.pips}`);
  }
  for (const [port, inf] of Object.entries(G.influence))
    if (inf.china < 0 || inf.west < 0) out.push(`influence in ${port} negative`);
  for (const [z, n] of Object.entries(G.grayZone)) if (!n || n < 0) out.push(`gray zone ${z}=${n}`);
  if (!G.result) {
    const seat = actingSeat(G);
    if (!seat) out.push('no seat to act in an unfinished game');
    else if (legalMoves(G, seat).length === 0) out.push(`${seat} has no legal move`);
  } else if (G.phase !== 'ended') out.push('result without phase ended');
  else if (
    G.result.ending === 'war' &&
    (!G.result.cause || (!G.result.culprit && SEATS.some((s) => G.tensionAdded[s])))
  )
    out.push(`a war without a culprit or cause (${G.result.cause}, ${G.result.culprit})`);
  return out;
}

export const seatsActing = (G: GameState): Seat | null => actingSeat(G);
