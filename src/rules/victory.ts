/** Summits, sudden death, the end of the game and war's verdict (docs/RULES.md). */
import { BALANCE } from '../content/balance';
import { MOVE_NUMBERS } from '../content/move-numbers';
import { RULE_NUMBERS } from '../content/rule-numbers';
import { PORTS, SEATS, TRACKS, type BySeat, type Seat } from '../content/ids';
import { changeTrack, special } from './changes';
import type { Resolution } from './context';
import { d6 } from './dice';
import { SEAT_NAMES } from './labels';
import { log, logResolution } from './log';
import { finalMargins, margins, portController, rank, summitVictoryPoints } from './scoring';
import type { GameResult } from './state';

/** Summit (end of every second turn): ports bite, exercise markers lapse, victory is checked. */
export function summit(r: Resolution): void {
  const { G } = r;
  r.seat = null;
  const chinaPorts = PORTS.filter((p) => portController(G, p) === 'china').length;
  if (chinaPorts) {
    r.notes.push(`China controls ${chinaPorts} port${chinaPorts > 1 ? 's' : ''}`);
    changeTrack(r, 'cohesion', -chinaPorts * MOVE_NUMBERS.investInPort.summitCohesionPerPort);
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
 * a roll-off), else to the side that added less tension. Returns how a tie was settled.
 */
function twoSeatWinner(r: Resolution): { winner: Seat; tie?: string } {
  const { G } = r;
  if (G.tracks.vp !== 0) return { winner: G.tracks.vp > 0 ? 'nato' : 'china' };
  if (special(G, 'two-seat-tie-to-west')) return { winner: 'nato', tie: 'a tie goes to the West' };
  if (special(G, 'two-seat-tie-to-china')) return { winner: 'china', tie: 'a tie goes to China' };
  if (special(G, 'two-seat-tie-roll-off')) {
    const face = d6(r.dice);
    r.rolls.push(face);
    return { winner: face >= RULE_NUMBERS.twoSeat.rollOff ? 'nato' : 'china', tie: `a tie: roll-off ${face}` };
  }
  const west = G.tensionAdded.nato + G.tensionAdded.japan + G.tensionAdded.korea;
  return { winner: west < G.tensionAdded.china ? 'nato' : 'china', tie: 'a tie: less tension added' };
}

export function endGame(r: Resolution, ending: GameResult['ending'], leader: Seat | null = null): void {
  const { G } = r;
  const m = ending === 'sudden-death' ? margins(G) : finalMargins(G);
  const two = G.variant === 2 ? twoSeatWinner(r) : null;
  const winner = two ? two.winner : (leader ?? rank(G, m)[0] ?? null);
  G.result = { ending, winner, culprit: null, cause: null, margins: m, turn: G.turn };
  G.phase = 'ended';
  G.pending = null;
  const how = two?.tie ? ` (${two.tie})` : '';
  log(G, {
    seat: null,
    kind: 'end',
    text: `Game over (${ending}): ${winner ? SEAT_NAMES[winner] : 'nobody'} wins${how}`,
  });
}

const [, WAR_AT] = TRACKS.tension;

/** War at the top of the tension track: the culprit loses outright; the others are ranked by margin (docs/RULES.md). */
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
    text: `War: ${culprit ? `${SEAT_NAMES[culprit]} ${res.cause === 'seat' ? `pushed tension to ${WAR_AT}` : 'is charged with it'} and loses` : `tension reached ${WAR_AT}`}; ${winner ? SEAT_NAMES[winner] : 'nobody'} wins`,
  });
}
