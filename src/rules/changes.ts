/** Every change to a track, partnership, marker or influence goes through here: clamped, journaled, war-checked. */
import {
  SEATS,
  TRACKS,
  type Partner,
  type Port,
  type Seat,
  type SpaceId,
  type Theater,
  type Track,
} from '../content/ids';
import { MOVE_NUMBERS } from '../content/move-numbers';
import { RULE_NUMBERS } from '../content/rule-numbers';
import type { Resolution } from './context';
import { isUsed, QUARANTINE_HELD } from './moves/rule';
import { PARTNER_NAMES, PORT_NAMES, SEAT_NAMES, spaceName, THEATER_NAMES, TRACK_NAMES } from './labels';
import type { DeterrenceMarker, GameState } from './state';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Change a track within its range; returns the change actually made. Tension 10 ends the game in war. */
export function changeTrack(r: Resolution, track: Track, delta: number): number {
  const { G } = r;
  if (G.result || delta === 0) return 0;
  const [lo, hi] = TRACKS[track];
  const before = G.tracks[track];
  const after = clamp(before + delta, lo, hi);
  if (after === before) return 0;
  G.tracks[track] = after;
  r.notes.push(`${TRACK_NAMES[track]} ${before}→${after}`);
  if (track === 'tension' && after > before && r.seat) recordTension(G, r.seat, after - before);
  if (track === 'tension' && after >= hi) declareWar(r);
  if (track === 'ukraine' && after === 0 && before > 0) collapseFront(r);
  return after - before;
}

/** Tension a seat added: its game total, this turn's count, and its place among the latest to add any. */
function recordTension(G: GameState, seat: Seat, added: number): void {
  G.tensionAdded[seat] += added;
  const turn = G.tensionByTurn[G.turn - 1];
  if (turn) turn[seat] += added;
  G.tensionLatest = [...G.tensionLatest.filter((s) => s !== seat), seat];
}

/** Count one firing of a special rule or mechanism (the sweep lab reads `G.fired`). */
export function fire(G: GameState, id: string): void {
  G.fired[id] = (G.fired[id] ?? 0) + 1;
}

/** Whether a scenario special rule is in force; if so it takes effect now and is counted. */
export function special(G: GameState, id: string): boolean {
  if (!G.specials.includes(id)) return false;
  fire(G, id);
  return true;
}

/**
 * Who a war nobody pushed is charged to: the seat that added the most tension this turn and the last
 * (over the whole game if none did); ties go to the latest to add any.
 */
export function chargeableSeat(G: GameState): Seat | null {
  const window = [G.tensionByTurn[G.turn - 1], G.tensionByTurn[G.turn - 2]];
  const recent = (s: Seat) => window.reduce((a, t) => a + (t?.[s] ?? 0), 0);
  for (const amount of [recent, (s: Seat) => G.tensionAdded[s]]) {
    const top = Math.max(...SEATS.map(amount));
    if (top <= 0) continue;
    const tied = SEATS.filter((s) => amount(s) === top);
    return [...G.tensionLatest].reverse().find((s) => tied.includes(s)) ?? tied[0]!;
  }
  return null;
}

/** China's quarantine of Taiwan is in force: declared, held, and the crisis still at its peak. */
const blockadeInForce = (G: GameState) => G.tracks.taiwanCrisis >= TRACKS.taiwanCrisis[1] && isUsed(G, QUARANTINE_HELD);

/**
 * Twilight Struggle's DEFCON rule: whoever pushed tension to 10 loses outright. A war pushed over by an
 * inject or a table is charged to the seat that brought tension so high, so parking at 9 is a gamble.
 */
function declareWar(r: Resolution): void {
  const { G } = r;
  // A war that breaks out while China's quarantine of Taiwan holds is an incident at the blockade line: China's.
  const instigator = r.instigator ?? (blockadeInForce(G) ? 'china' : null);
  const cause = r.seat ? 'seat' : instigator ? 'incident' : (r.cause ?? 'white-cell');
  const culprit = r.seat ?? instigator ?? chargeableSeat(G);
  r.notes.push(
    r.seat
      ? `war: ${SEAT_NAMES[r.seat]} pushed tension to ${TRACKS.tension[1]}`
      : `war breaks out${culprit ? `, charged to ${SEAT_NAMES[culprit]}` : ''}`,
  );
  G.pending = null;
  G.phase = 'ended';
  G.result = {
    ending: 'war',
    winner: null,
    culprit,
    cause,
    margins: { china: 0, nato: 0, japan: 0, korea: 0 },
    turn: G.turn,
  };
}

/** The Ukraine front at 0 collapses: cohesion falls and the front re-forms (RULE_NUMBERS.collapse). */
function collapseFront(r: Resolution): void {
  r.notes.push('the Ukraine front collapses');
  r.G.tracks.ukraine = RULE_NUMBERS.collapse.reformsAt;
  changeTrack(r, 'cohesion', -RULE_NUMBERS.collapse.cohesion);
}

/** Top partnership level (levels start at 0). */
const MAX_LEVEL = MOVE_NUMBERS.upgradePartnership.maxLevel;

/** Partnership pips: `pipsPerLevel` make a level; levels run 0–MAX_LEVEL. Negative pips borrow from the level. */
export function changePips(r: Resolution, partner: Partner, pips: number): void {
  const p = r.G.partnership[partner];
  if (p.level === null || pips === 0) return;
  const before = p.level;
  const per = RULE_NUMBERS.pipsPerLevel;
  const total = clamp(p.level * per + p.pips + pips, 0, MAX_LEVEL * per);
  p.level = Math.floor(total / per);
  p.pips = p.level === MAX_LEVEL ? 0 : total % per;
  if (p.level !== before) r.notes.push(`${PARTNER_NAMES[partner]} partnership ${before}→${p.level}`);
  else r.notes.push(`${PARTNER_NAMES[partner]} partnership pip ${pips > 0 ? '+' : ''}${pips}`);
}

/** Set a partnership level directly (upgrade rolls, India's reveal). */
export function setLevel(r: Resolution, partner: Partner, level: number): void {
  const p = r.G.partnership[partner];
  const before = p.level;
  p.level = clamp(level, 0, MAX_LEVEL);
  p.pips = 0;
  r.notes.push(`${PARTNER_NAMES[partner]} partnership ${before ?? 'untested'}→${p.level}`);
}

export function changeGrayZone(r: Resolution, space: SpaceId, delta: number): number {
  const before = r.G.grayZone[space] ?? 0;
  const after = clamp(before + delta, 0, 6);
  if (after === before) return 0;
  if (after === 0) delete r.G.grayZone[space];
  else r.G.grayZone[space] = after;
  r.notes.push(`gray zone in ${spaceName(space)} ${before}→${after}`);
  return after - before;
}

export function changeFaitAccompli(r: Resolution, space: SpaceId, delta: number): number {
  const before = r.G.faitAccompli[space] ?? 0;
  const after = clamp(before + delta, 0, 6);
  if (after === before) return 0;
  if (after === 0) delete r.G.faitAccompli[space];
  else r.G.faitAccompli[space] = after;
  r.notes.push(`fait accompli in ${spaceName(space)} ${before}→${after}`);
  return after - before;
}

export function addDeterrence(
  r: Resolution,
  theater: Theater,
  value: number,
  source: string,
  until: DeterrenceMarker['until'],
): void {
  if (value === 0) return;
  r.G.deterrence.push({ id: `d${r.G.nextId++}`, theater, value, source, until });
  r.notes.push(`deterrence ${value > 0 ? '+' : ''}${value} in ${THEATER_NAMES[theater]} (${source})`);
}

export function changeInfluence(r: Resolution, port: Port, side: 'china' | 'west', delta: number): number {
  const inf = r.G.influence[port];
  const before = inf[side];
  const after = clamp(before + delta, 0, 6);
  inf[side] = after;
  if (after !== before)
    r.notes.push(`${side === 'china' ? 'Chinese' : 'Western'} influence in ${PORT_NAMES[port]} ${before}→${after}`);
  return after - before;
}

export function changeMargin(r: Resolution, seat: Seat, delta: number): void {
  if (delta === 0) return;
  r.G.marginBonus[seat] += delta;
  r.notes.push(`${SEAT_NAMES[seat]} margin ${delta > 0 ? '+' : ''}${delta}`);
}

export function changeActionPoints(r: Resolution, seat: Seat, delta: number): void {
  const before = r.G.ap[seat];
  r.G.ap[seat] = clamp(before + delta, 0, 12);
  if (r.G.ap[seat] !== before) r.notes.push(`${SEAT_NAMES[seat]} action points ${before}→${r.G.ap[seat]}`);
}
