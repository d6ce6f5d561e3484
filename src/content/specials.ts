/** Scenario special rules the rules engine knows, by id (a scenario file may only name these). */
import { BALANCE } from './balance';
import { TRACKS } from './ids';
import { MOVE_NUMBERS } from './move-numbers';
import { RULE_NUMBERS } from './rule-numbers';

const signed = (n: number) => (n < 0 ? `−${-n}` : `+${n}`);
const cut = MOVE_NUMBERS.holdNonproliferationConference.dprkThreat;

/** What each special rule does, in players' words, its numbers from the constants the rules read. */
export const SPECIALS = {
  'japan-bases-essential': `US naval presence counts toward deterrence in the Taiwan & East China Sea theater only while Japan’s partnership is ${BALANCE.japanBasesFrom} or more (Japanese bases are essential).`,
  'quarantine-at-crisis-5': `At Taiwan Crisis ${TRACKS.taiwanCrisis[1]} China keeps Taiwan under quarantine: each upkeep brings internationalization ${signed(RULE_NUMBERS.quarantineUpkeep.internationalization)} and tension ${signed(RULE_NUMBERS.quarantineUpkeep.tension)}, charged to China — unless China’s last quarantine held: then only once Western deterrence around Taiwan reaches the crisis and a ship runs the blockade (a roll of ${RULE_NUMBERS.blockadeRun.onRoll}+). Only the quarantine takes the crisis there: Strait pressure stops at ${BALANCE.quarantine.fromCrisis}.`,
  'dprk-rolls-twice': 'North Korea rolls twice on its table at each upkeep.',
  'direct-transfer-costs-korea-deterrence': `Each South Korean shipment of shells to Kyiv (the direct route) costs ${signed(-RULE_NUMBERS.directTransferKoreaDeterrence)} deterrence in Korea.`,
  'dprk-threatens-japan': `North Korea’s missiles overfly Japan: each level of DPRK Threat above ${RULE_NUMBERS.dprkOverJapan.above} counts ${signed(-RULE_NUMBERS.dprkOverJapan.perLevel)} on Japan’s margin, and each Japanese freedom-of-navigation transit in the South China Sea, its destroyers far from missile defence, ${signed(-RULE_NUMBERS.dprkOverJapan.fonop)}.`,
  'nonproliferation-counts-double': `South Korea’s nonproliferation conference lowers the DPRK Threat by ${2 * cut} instead of ${cut}.`,
  'two-seat-tie-to-west':
    'Two-seat game: a victory-point track at 0 at the end goes to the West — holding the line is enough.',
  'two-seat-tie-roll-off': `Two-seat game: a victory-point track at 0 at the end is settled by a roll-off — the West wins on ${RULE_NUMBERS.twoSeat.rollOff}+.`,
  'two-seat-tie-to-china':
    'Two-seat game: a victory-point track at 0 at the end goes to China — the West had to turn the tide.',
} as const;

export type SpecialId = keyof typeof SPECIALS;
export const KNOWN_SPECIALS = Object.keys(SPECIALS) as SpecialId[];
