/** The turn machine: inject → two action rounds (China, NATO, Japan, South Korea) → upkeep → summit. */
import { BALANCE } from '../content/balance';
import { SEATS, type Seat } from '../content/ids';
import { injectById } from '../content/injects';
import type { Resolution } from './context';
import { applyEffects } from './effects';
import { log, logResolution } from './log';
import type { GameState, Snapshot } from './state';
import { upkeep } from './upkeep';
import { summit } from './victory';

/** NATO's action points per round follow the Western stockpile. */
export function apPerRound(G: GameState, seat: Seat): number {
  const base =
    seat === 'nato'
      ? (BALANCE.natoApByStockpile.find((row) => G.tracks.stockpile >= row.atLeast)?.ap ?? 2)
      : BALANCE.apPerRound[seat];
  return Math.max(0, base + G.handicap[seat].ap);
}

function beginRound(G: GameState, round: 1 | 2): void {
  G.round = round;
  for (const s of SEATS) {
    G.ap[s] = apPerRound(G, s);
    G.passed[s] = G.ap[s] === 0;
  }
  G.active = SEATS.find((s) => !G.passed[s]) ?? 'china';
}

/**
 * Start a turn: set round 1's action points, then draw and resolve the inject. With a White Cell the
 * turn's snapshot is taken after its inject, so a rewind to this turn keeps the inject it played
 * (and the deck order after it) instead of skipping it.
 */
export function startTurn(r: Resolution): void {
  const { G } = r;
  for (const key of Object.keys(G.used)) if (key.startsWith('t:')) delete G.used[key];
  G.lambastes = 0;
  while (G.tensionByTurn.length < G.turn) G.tensionByTurn.push({ china: 0, nato: 0, japan: 0, korea: 0 });
  beginRound(G, 1);
  log(G, {
    seat: null,
    kind: 'inject',
    text: `Turn ${G.turn} (${2023 + Math.floor((G.turn - 1) / 2)}, ${G.turn % 2 ? 'first' : 'second'} half) begins`,
  });
  turnInject(r);
  const W = G.white;
  if (W) {
    W.snapshots = W.snapshots.filter((s) => s.turn < G.turn);
    W.snapshots.push({ turn: G.turn, state: snapshotOf(G) });
  }
}

/** The turn's inject: none if the White Cell holds it, else the one scheduled for this turn, else the deck's top. */
function turnInject(r: Resolution): void {
  const { G } = r;
  const W = G.white;
  if (W?.hold) {
    W.hold = false;
    log(G, { seat: 'white', kind: 'white', text: 'White Cell — the inject of this turn is held' });
    return;
  }
  const scheduled = W?.schedule[String(G.turn)];
  if (scheduled !== undefined) {
    delete W!.schedule[String(G.turn)];
    const at = G.deck.indexOf(scheduled);
    if (at >= 0) G.deck.splice(at, 1);
    return resolveInject(r, scheduled);
  }
  const id = G.deck.shift();
  if (id === undefined) return;
  resolveInject(r, id);
}

/** A deep copy of the state without the White Cell's record (what rewinds restore). */
export function snapshotOf(G: GameState): Snapshot {
  const { white: _white, ...rest } = G;
  return JSON.parse(JSON.stringify(rest)) as Snapshot;
}

/** Resolve an inject card by id (a drawn card, an incident, or one the White Cell forces). */
export function resolveInject(r: Resolution, id: string): void {
  const card = injectById(id) ?? r.G.white?.written[id];
  if (!card) return;
  r.G.discard.push(id);
  // An inject drawn mid-move (a FONOP incident) gets its own log line; the move's notes wait.
  const { seat, notes, rolls, cause, instigator } = r;
  Object.assign(r, { seat: null, notes: [], rolls: [], cause: 'inject', instigator: seat });
  applyEffects(r, card.effects, card.title);
  logResolution(r, 'inject', `Inject — ${card.title}`);
  Object.assign(r, { seat, notes, rolls, cause, instigator });
}

/** After any action: pass a seat with no AP left, then move to the next seat, round, or turn. */
export function advance(r: Resolution): void {
  const { G } = r;
  while (!G.result && !G.pending) {
    if (!G.passed[G.active] && G.ap[G.active] <= 0) G.passed[G.active] = true;
    if (!G.passed[G.active]) return;
    const next = SEATS.find((s) => !G.passed[s]);
    if (next) {
      G.active = next;
      continue;
    }
    if (G.round === 1) {
      beginRound(G, 2);
      continue;
    }
    upkeep(r);
    if (G.result) return;
    if (G.turn % BALANCE.summitTurns === 0 || G.turn >= G.lastTurn) summit(r);
    if (G.result) return;
    G.turn += 1;
    startTurn(r);
  }
}
