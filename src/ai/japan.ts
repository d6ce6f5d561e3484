/**
 * Japan's bot: hold the East China Sea and the Taiwan Strait (its margin is deterrence minus pressure
 * there), deepen the partnership with NATO, and — as Kishida did — carry the flag to Kyiv when the
 * alliance needs it.
 */
import { BALANCE } from '../content/balance';
import { theaterOfSpace, named, basesDenied, deterrence } from '../rules';
import { best, where, type Step } from './flowchart';
import { fonopGood } from './nato';
import { balanceIn, exposedGrayZones } from './read';

export const JAPAN_FLOWCHART: readonly Step[] = [
  {
    id: 'defend-ecs',
    when: (c) => exposedGrayZones(c.view).includes('east-china-sea'),
    moves: ['buildUpDefence'],
    only: (a) => a.args[0] === 'east-china-sea',
    why: () => 'Gray zone unchallenged in the East China Sea: a Japanese unit there stops it hardening',
  },
  {
    id: 'fonop',
    // Japan's margin reads the Strait, not the South China Sea: it sails there alone only for the team.
    moves: ['freedomOfNavigation'],
    only: (a, c) => fonopGood(c.view, 'japan', a.args[0] as string) && (c.team || a.args[0] === 'taiwan-strait'),
    prefer: [where((a) => a.args[0] === 'taiwan-strait')],
    why: (c, a) => {
      const n = c.view.grayZone[a.args[0] as never] ?? 0;
      return `${n} gray-zone marker${n === 1 ? '' : 's'} in the ${named(a.args[0])}: a JMSDF transit to clear one, risking no incident at sea`;
    },
  },
  {
    id: 'bases',
    // Without Japanese bases the US fleet counts for nothing around Taiwan: the partnership comes first.
    when: (c) => basesDenied(c.view),
    moves: ['upgradePartnership'],
    only: (a) => a.args[0] === 'japan',
    why: (c) =>
      `Partnership at ${c.view.partnership.japan.level}: until it reaches ${BALANCE.japanBasesFrom} US ships do not count around Taiwan — pressing for an upgrade`,
  },
  {
    id: 'build-up',
    moves: ['buildUpDefence'],
    only: (a) => theaterOfSpace(String(a.args[0])) === 'taiwan-ecs',
    why: (c, a) =>
      `Deterrence minus pressure around Taiwan at ${balanceIn(c.view, 'taiwan-ecs')}: a permanent defence build-up in the ${named(a.args[0])}`,
  },
  {
    id: 'exercise',
    moves: ['exercise'],
    only: (a) => a.args[0] === 'taiwan-ecs',
    // The exercise's pip goes to the partner: an ally in the 2-seat game, a rival's score in the 4-seat one.
    prefer: [where((a, c) => (a.args[1] === 'korea') === c.team)],
    why: (c, a) =>
      `Deterrence around Taiwan at ${deterrence(c.view, 'taiwan-ecs')}: a joint exercise with ${named(a.args[1])} holds +2 until the summit`,
  },
  {
    // The legal moves already stop at the top rung.
    id: 'upgrade-self',
    moves: ['upgradePartnership'],
    only: (a) => a.args[0] === 'japan',
    why: (c) => `Partnership with NATO at ${c.view.partnership.japan.level}: pressing for an upgrade`,
  },
  {
    id: 'kyiv',
    when: (c) => c.team || c.view.tracks.cohesion <= 4,
    moves: ['leaderVisit'],
    only: (a) => a.args[0] === 'kyiv',
    why: (c) =>
      `NATO cohesion at ${c.view.tracks.cohesion}: “Ukraine today may be East Asia tomorrow” — the Prime Minister goes to Kyiv`,
  },
  {
    id: 'intelligence',
    when: (c) => c.view.aid.some((a) => !a.revealed),
    moves: ['gatherIntelligence'],
    why: () => 'Rumours of Chinese aid to Russia: Japanese intelligence looks',
  },
  {
    id: 'statement',
    when: (c) => c.view.tracks.taiwanCrisis >= 2,
    moves: ['statement'],
    only: (a) => a.args[0] === 'taiwan-ecs',
    why: (c) => `Taiwan Crisis at ${c.view.tracks.taiwanCrisis}: a statement on the Taiwan Strait`,
  },
  {
    id: 'visit',
    moves: ['leaderVisit'],
    prefer: [
      where((a, c) => (c.team ? true : a.args[0] !== 'korea')),
      best((a, c) => (a.args[0] === 'kyiv' ? (c.team ? 2 : 0) : a.args[0] === 'australia-nz' ? 1 : 0)),
    ],
    why: (_c, a) =>
      a.args[0] === 'kyiv'
        ? 'The Prime Minister visits Kyiv: NATO cohesion +1'
        : `A leader visit to ${named(a.args[0])}`,
  },
];
