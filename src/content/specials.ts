/** Scenario special rules the rules engine knows, by id (a scenario file may only name these). */
import { BALANCE } from './balance';

export const SPECIALS = {
  'japan-bases-essential': `US naval presence counts toward deterrence in the Taiwan & East China Sea theater only while Japan’s partnership is ${BALANCE.japanBasesFrom} or more (Japanese bases are essential).`,
  'quarantine-at-crisis-5': 'At Taiwan Crisis 5 China declares a quarantine of Taiwan: arms to Taiwan are blocked.',
  'dprk-rolls-twice': 'North Korea rolls twice on its table at each upkeep.',
  'direct-transfer-costs-korea-deterrence':
    'Each direct South Korean arms transfer to Ukraine costs −1 deterrence in Korea.',
  'nonproliferation-counts-double':
    'South Korea’s nonproliferation conference lowers the DPRK Threat by 2 instead of 1.',
  'two-seat-tie-to-west':
    'Two-seat game: a victory-point track at 0 at the end goes to the West — holding the line is enough.',
  'two-seat-tie-roll-off':
    'Two-seat game: a victory-point track at 0 at the end is settled by a roll-off — the West wins on 4+.',
  'two-seat-tie-to-china':
    'Two-seat game: a victory-point track at 0 at the end goes to China — the West had to turn the tide.',
} as const;

export type SpecialId = keyof typeof SPECIALS;
export const KNOWN_SPECIALS = Object.keys(SPECIALS) as SpecialId[];
