/** The turn machine: inject → two action rounds (China, NATO, Japan, South Korea) → upkeep → summit. */
import { BALANCE } from '../content/balance';
import { PORTS, SEATS, SEA_ZONES, type BySeat, type Seat } from '../content/ids';
import { injectById } from '../content/injects';
import { changeFaitAccompli, changeTrack } from './changes';
import type { Resolution } from './context';
import { d6 } from './dice';
import { applyEffects } from './effects';
import { SEAT_NAMES } from './labels';
import { finalMargins, margins, portController, rank, summitVictoryPoints } from './scoring';
import type { GameResult, GameState, LogEntry, Snapshot } from './state';

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

/** Start a turn: set round 1's action points, then draw and resolve the inject. */
export function startTurn(r: Resolution): void {
  const { G } = r;
  for (const key of Object.keys(G.used)) if (key.startsWith('t:')) delete G.used[key];
  G.lambastes = 0;
  beginRound(G, 1);
  log(G, {
    seat: null,
    kind: 'inject',
    text: `Turn ${G.turn} (${2023 + Math.floor((G.turn - 1) / 2)}, ${G.turn % 2 ? 'first' : 'second'} half) begins`,
  });
  const W = G.white;
  if (W) {
    W.snapshots = W.snapshots.filter((s) => s.turn < G.turn);
    W.snapshots.push({ turn: G.turn, state: snapshotOf(G) });
    if (W.hold) {
      W.hold = false;
      log(G, { seat: 'white', kind: 'white', text: 'White Cell — the inject of this turn is held' });
      return;
    }
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
  const { seat, notes, rolls } = r;
  Object.assign(r, { seat: null, notes: [], rolls: [] });
  applyEffects(r, card.effects, card.title);
  logResolution(r, 'inject', `Inject — ${card.title}`);
  Object.assign(r, { seat, notes, rolls });
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

/** Upkeep (GAME.md §4.3): Russia and North Korea act, gray zones harden, timers run, stockpile +1, tension −1. */
function upkeep(r: Resolution): void {
  const { G } = r;
  r.seat = null;
  // Russia grinds the front; China's tacit support and hidden aid feed it.
  const face = d6(r.dice);
  r.rolls.push(face);
  const total = face + G.tacitSupport - (G.tracks.stockpile >= 7 ? 1 : 0);
  const row =
    BALANCE.russiaTable.find((x) => total <= x.atMost) ?? BALANCE.russiaTable[BALANCE.russiaTable.length - 1]!;
  const hiddenAid = G.aid.length;
  r.notes.push(`Russia: ${row.text}`);
  changeTrack(r, 'ukraine', row.ukraine - hiddenAid);
  G.tacitSupport = 0;
  logResolution(r, 'upkeep', 'Upkeep — Ukraine front');
  if (G.result) return;
  const dprkRolls = G.specials.includes('dprk-rolls-twice') ? 2 : 1;
  for (let i = 0; i < dprkRolls && !G.result; i++) {
    const f = d6(r.dice);
    r.rolls.push(f);
    const k = f + (G.tracks.dprkThreat >= 3 ? 1 : 0);
    const nk =
      BALANCE.northKoreaTable.find((x) => k <= x.atMost) ??
      BALANCE.northKoreaTable[BALANCE.northKoreaTable.length - 1]!;
    r.notes.push(`North Korea: ${nk.text}`);
    changeTrack(r, 'dprkThreat', nk.dprkThreat);
    changeTrack(r, 'tension', nk.tension);
    changeTrack(r, 'internationalization', nk.internationalization);
    logResolution(r, 'upkeep', 'Upkeep — North Korea');
  }
  if (G.result) return;
  if (G.specials.includes('quarantine-at-crisis-5') && G.tracks.taiwanCrisis >= 5) {
    r.notes.push('China keeps Taiwan under quarantine');
    changeTrack(r, 'internationalization', 1);
    changeTrack(r, 'tension', 1);
    logResolution(r, 'upkeep', 'Upkeep — Taiwan quarantine');
    if (G.result) return;
  }
  // Gray zone left unchallenged becomes a fait accompli.
  for (const zone of SEA_ZONES) {
    if (!G.grayZone[zone] || G.units.some((u) => u.owner !== 'china' && u.space === zone)) continue;
    const n = Math.min(G.grayZone[zone] ?? 0, BALANCE.faitAccompliPerUpkeep);
    G.grayZone[zone] = (G.grayZone[zone] ?? 0) - n;
    if (!G.grayZone[zone]) delete G.grayZone[zone];
    changeFaitAccompli(r, zone, n);
  }
  const leaving = G.units.filter((u) => u.leavesAfterTurn !== null && u.leavesAfterTurn <= G.turn);
  if (leaving.length)
    r.notes.push(`${leaving.map((u) => u.kind).join(', ')} leave${leaving.length === 1 ? 's' : ''} the map`);
  G.units = G.units.filter((u) => !leaving.includes(u));
  G.deterrence = G.deterrence.filter((m) => m.until !== 'upkeep');
  changeTrack(r, 'stockpile', 1);
  changeTrack(r, 'tension', -1);
  logResolution(r, 'upkeep', 'Upkeep');
}

/** Summit (end of every second turn): ports bite, exercise markers lapse, victory is checked. */
function summit(r: Resolution): void {
  const { G } = r;
  r.seat = null;
  const chinaPorts = PORTS.filter((p) => portController(G, p) === 'china').length;
  if (chinaPorts) {
    r.notes.push(`China controls ${chinaPorts} port${chinaPorts > 1 ? 's' : ''}`);
    changeTrack(r, 'cohesion', -chinaPorts);
  }
  // Score first: exercise and UN Command markers count at the summit they last until.
  if (G.variant === 2) {
    const swing = summitVictoryPoints(G);
    r.notes.push(`summit score ${swing >= 0 ? '+' : ''}${swing} for the West`);
    changeTrack(r, 'vp', swing);
  }
  const m = margins(G);
  r.notes.push(`margins: ${SEATS.map((s) => `${SEAT_NAMES[s]} ${m[s] >= 0 ? '+' : ''}${m[s]}`).join(', ')}`);
  logResolution(r, 'summit', `Summit of turn ${G.turn}`);
  if (G.result) return;
  if (G.turn >= G.lastTurn) return endGame(r, 'final-summit');
  checkSuddenDeath(r, m);
  // Markers that last "until the next summit" lapse once it has scored them.
  if (!G.result) G.deterrence = G.deterrence.filter((d) => d.until !== 'summit');
}

/** From `suddenDeathFromTurn` on, a margin (or, two-seat, a victory-point lead) high enough wins at once. */
function checkSuddenDeath(r: Resolution, m: BySeat<number>): void {
  const { G } = r;
  if (G.turn < BALANCE.suddenDeathFromTurn) return;
  if (G.variant === 2) {
    if (Math.abs(G.tracks.vp) >= BALANCE.vpSuddenDeath) endGame(r, 'sudden-death');
    return;
  }
  const leaders = SEATS.filter((s) => m[s] >= BALANCE.suddenDeath);
  if (leaders.length) endGame(r, 'sudden-death', rank(G, m, leaders)[0] ?? null);
}

/**
 * Two-seat winner: the victory-point track's sign; a tie goes where the scenario says (to one side, or
 * a roll-off: 4+ the West), else to the side that added less tension. Returns how a tie was settled.
 */
function twoSeatWinner(r: Resolution): { winner: Seat; tie?: string } {
  const { G } = r;
  if (G.tracks.vp !== 0) return { winner: G.tracks.vp > 0 ? 'nato' : 'china' };
  if (G.specials.includes('two-seat-tie-to-west')) return { winner: 'nato', tie: 'a tie goes to the West' };
  if (G.specials.includes('two-seat-tie-to-china')) return { winner: 'china', tie: 'a tie goes to China' };
  if (G.specials.includes('two-seat-tie-roll-off')) {
    const face = d6(r.dice);
    r.rolls.push(face);
    return { winner: face >= 4 ? 'nato' : 'china', tie: `a tie: roll-off ${face}` };
  }
  const west = G.tensionAdded.nato + G.tensionAdded.japan + G.tensionAdded.korea;
  return { winner: west < G.tensionAdded.china ? 'nato' : 'china', tie: 'a tie: less tension added' };
}

export function endGame(r: Resolution, ending: GameResult['ending'], leader: Seat | null = null): void {
  const { G } = r;
  const m = ending === 'sudden-death' ? margins(G) : finalMargins(G);
  const two = G.variant === 2 ? twoSeatWinner(r) : null;
  const winner = two ? two.winner : (leader ?? rank(G, m)[0] ?? null);
  G.result = { ending, winner, culprit: null, margins: m, turn: G.turn };
  G.phase = 'ended';
  G.pending = null;
  const how = two?.tie ? ` (${two.tie})` : '';
  log(G, {
    seat: null,
    kind: 'end',
    text: `Game over (${ending}): ${winner ? SEAT_NAMES[winner] : 'nobody'} wins${how}`,
  });
}

/** War at tension 10: the culprit loses outright; the others are ranked by margin (GAME.md §3). */
export function settleWar(r: Resolution): void {
  const { G } = r;
  const res = G.result;
  if (!res || res.ending !== 'war' || res.winner) return;
  const m = finalMargins(G);
  const culprit = res.culprit;
  let winner: Seat | null;
  if (G.variant === 2) winner = culprit === null ? twoSeatWinner(r).winner : culprit === 'china' ? 'nato' : 'china';
  else
    winner =
      rank(
        G,
        m,
        SEATS.filter((s) => s !== culprit),
      )[0] ?? null;
  G.result = { ...res, winner, margins: m };
  log(G, {
    seat: null,
    kind: 'end',
    text: `War: ${culprit ? `${SEAT_NAMES[culprit]} pushed tension to 10 and loses` : 'tension reached 10'}; ${winner ? SEAT_NAMES[winner] : 'nobody'} wins`,
  });
}
