/**
 * South Korea's bot: deter the North, sell arms to Europe, climb the partnership ladder, and keep
 * its exposure to Chinese retaliation down — its shells for Ukraine go via Europe unless the West as
 * a whole needs the route to Kyiv.
 */
import { MOVE_NUMBERS } from '../content/move-numbers';
import { exportCostsHome, named } from '../rules';
import { best, type Step } from './flowchart';
import { TUNING } from './tuning';

/** Seoul's own rung on the ladder; the legal moves already stop at the top rung. */
const UPGRADE_SELF = { moves: ['upgradePartnership'], only: (a) => a.args[0] === 'korea' } satisfies Partial<Step>;

export const KOREA_FLOWCHART: readonly Step[] = [
  {
    id: 'nonproliferation',
    when: (c) => c.view.tracks.dprkThreat >= 1,
    moves: ['holdNonproliferationConference'],
    why: (c) => `DPRK Threat at ${c.view.tracks.dprkThreat}: the nonproliferation conference meets in Seoul`,
  },
  {
    // A won upgrade sets the level and drops any pip in hand, so with none in hand Seoul rolls first and the
    // export's pip comes after and is kept; with one in hand the export comes first and makes the level itself.
    id: 'upgrade-before-pip',
    when: (c) => c.view.partnership.korea.pips === 0,
    ...UPGRADE_SELF,
    why: (c) =>
      `Partnership with NATO at ${c.view.partnership.korea.level}, no pip in hand: rolling for the upgrade before the exports' pip`,
  },
  {
    // Declined when it costs more than it brings: the army's own guns for a rung Seoul already holds, and a rival's arsenal refilled (4 seats).
    id: 'exports',
    when: (c) =>
      c.team ||
      !exportCostsHome(c.view) ||
      (c.view.partnership.korea.level ?? 0) < MOVE_NUMBERS.upgradePartnership.maxLevel,
    moves: ['exportDefence'],
    why: (c) =>
      !exportCostsHome(c.view)
        ? `Exports at ${c.view.tracks.exports}: selling shells and howitzers to Europe`
        : `Exports at ${c.view.tracks.exports}, DPRK Threat at ${c.view.tracks.dprkThreat}: the guns sold leave the peninsula thinner, but Europe's orders still count`,
  },
  {
    id: 'shells-to-kyiv',
    when: (c) => c.team && c.view.tracks.ukraine <= 4 && c.view.tracks.tension <= TUNING.korea.toKyivAtTension,
    moves: ['shellsForUkraine'],
    only: (a) => a.args[0] === 'to-kyiv',
    why: (c) => `Ukraine front at ${c.view.tracks.ukraine}: shells straight to Kyiv despite Beijing`,
  },
  {
    id: 'upgrade-self',
    ...UPGRADE_SELF,
    why: (c) => `Partnership with NATO at ${c.view.partnership.korea.level}: pressing for an upgrade`,
  },
  {
    // Legal only at DPRK Threat 3+ (the sending states come back when the North threatens).
    id: 'un-command',
    moves: ['reinforceUnCommand'],
    why: (c) => `DPRK Threat at ${c.view.tracks.dprkThreat}: UN Command sending states reinforce`,
  },
  {
    id: 'shells-via-europe',
    when: (c) => c.team || c.view.tracks.stockpile <= 2,
    moves: ['shellsForUkraine'],
    only: (a) => a.args[0] === 'via-europe',
    why: (c) => `Western stockpile at ${c.view.tracks.stockpile}: shells to Europe, not Kyiv`,
  },
  {
    id: 'statement',
    when: (c) => c.view.tracks.dprkThreat >= 2,
    moves: ['statement'],
    only: (a) => a.args[0] === 'korea',
    why: () => 'A statement on the Korean Peninsula',
  },
  {
    id: 'visit',
    moves: ['leaderVisit'],
    prefer: [best((a) => (a.args[0] === 'australia-nz' ? 2 : a.args[0] === 'india' ? 1 : 0))],
    why: (_c, a) => `A leader visit to ${named(a.args[0])}`,
  },
];
