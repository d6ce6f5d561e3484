/** The shared war guard: the highest tension a bot's own move may reach, leaving room for the coming upkeeps. */
import { BALANCE } from '../content/balance';
import { isUsed, QUARANTINE_HELD, type GameState } from '../rules';
import { TUNING } from './tuning';

/** Room for the scenario's standing quarantine: the crisis near its peak and no quarantine of China's holding (a held one escalates only when run, on a roll). */
const standingQuarantineMayRatchet = (view: GameState): boolean =>
  view.specials.includes('quarantine-at-crisis-5') &&
  view.tracks.taiwanCrisis >= BALANCE.quarantine.fromCrisis &&
  !isUsed(view, QUARANTINE_HELD);

/**
 * The highest tension a bot's own move may reach: room must be left for what this upkeep and the next
 * may add (nothing but upkeep's −1 lowers tension; each North Korean roll can add 1, a Taiwan
 * quarantine 1), or the table pushes a war over that the seats parked at the edge are charged with.
 */
export function tensionCeiling(view: GameState, standingQuarantine = standingQuarantineMayRatchet(view)): number {
  const nkRolls = view.specials.includes('dprk-rolls-twice') ? 2 : 1;
  const quarantine = standingQuarantine ? 1 : 0;
  const upkeeps = view.turn < view.lastTurn ? 2 : 1;
  // The 2-seat side leaves one more step of room for the upkeeps (a war charged to any seat loses the whole side); the cap stays.
  const margin = view.variant === 2 ? TUNING.teamTensionMargin : 0;
  return Math.min(TUNING.maxTension, 9 - upkeeps * (nkRolls + quarantine) + (upkeeps - 1) + TUNING.upkeepRisk - margin);
}
