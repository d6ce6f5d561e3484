/**
 * China's bot (docs/DESIGN.md §9): a posture, Restraint or Coercion, flipped by the state, and a priority
 * flowchart. Coercion presses the Strait and arms Russia; Restraint keeps to ports and wedges.
 */
import { BALANCE } from '../content/balance';
import { PORTS, type Partner, type Port, type SeaZone, type Seat } from '../content/ids';
import { MOVE_NUMBERS } from '../content/move-numbers';
import {
  BACKYARD_PORT,
  coercionModifier,
  credibility,
  INDO_PACIFIC,
  theaterOfSpace,
  named,
  deterrence,
  margins,
  portController,
  portGuarded,
  type Action,
  type GameState,
} from '../rules';
import { best, where, type BotCtx, type Step } from './flowchart';
import { GRAY_ZONES, exposedGrayZones, westernUnitIn } from './read';
import { tensionCeiling } from './ceiling';
import { TUNING } from './tuning';

export type Posture = 'restraint' | 'coercion';

/**
 * The posture for this decision: the scenario's starting posture, flipped to Restraint when tension or
 * internationalization runs high, and to Coercion when both are low.
 */
export function posture(view: GameState): Posture {
  const t = view.tracks;
  const p = TUNING.china;
  if (t.tension >= p.restraintAtTension || t.internationalization >= p.restraintAtInternationalization)
    return 'restraint';
  if (t.tension <= p.coercionAtTension && t.internationalization <= p.coercionAtInternationalization) return 'coercion';
  return view.posture;
}

const isPort = (x: unknown): x is Port => (PORTS as readonly unknown[]).includes(x);

/** Ports China does not control that investment can win within `TUNING.china.portReach` more influence. */
function portsToWin(view: GameState): Port[] {
  const reach = TUNING.china.portReach;
  return PORTS.filter(
    (p) =>
      portController(view, p) !== 'china' &&
      view.influence[p].china < 6 &&
      view.influence[p].china + reach > view.influence[p].west,
  );
}

/** European ports where China's stake is one screening would cut back, with no PLA group guarding it. */
const portsToGuard = (view: GameState): Port[] =>
  PORTS.filter(
    (p) =>
      p !== 'malaysia-singapore' &&
      view.influence[p].china >= MOVE_NUMBERS.screenInvestment.cutFrom &&
      !portGuarded(view, p),
  );

/** How close a port is to changing hands (higher first). */
const portCloseness = (view: GameState, p: Port) => view.influence[p].china - view.influence[p].west;

/** Chance a Wedge on `target` succeeds (d6 + roll bonus ≥ need). */
function wedgeOdds(view: GameState, target: unknown): number {
  const bonus = view.handicap.china.roll;
  const need = isPort(target)
    ? 3 + view.influence[target].west
    : 3 + (view.partnership[target as Partner].level ?? 0) - (target === 'korea' ? view.tracks.exposure : 0);
  return Math.min(6, Math.max(0, 7 - (need - bonus))) / 6;
}

/** A Wedge on a partner hurts the Western seat it scores for; on a port it protects China's control. */
function wedgeValue(view: GameState, a: Action): number {
  const target = a.args[0];
  const m = margins(view);
  let weight = 0.5;
  if (target === 'japan') weight = 1 + (m.japan >= Math.max(m.nato, m.korea) ? 0.5 : 0);
  else if (target === 'korea') weight = 1 + (m.korea >= Math.max(m.nato, m.japan) ? 0.5 : 0);
  else if (isPort(target)) weight = portController(view, target) === 'china' ? 0.6 : 1.2;
  if (view.cyberShield) weight *= 0.3;
  return wedgeOdds(view, target) * weight;
}

/**
 * Chance a rung of the escalation ladder succeeds: d6 + roll bonus + emboldening + Taiwan Crisis (after
 * the rung's +1) − deterrence around Taiwan ≥ `target`.
 */
export function ladderOdds(view: GameState, target: number): number {
  const crisis = Math.min(5, view.tracks.taiwanCrisis + 1);
  const plus = view.handicap.china.roll + coercionModifier(view) + crisis - deterrence(view, 'taiwan-ecs');
  return Math.min(6, Math.max(0, 7 - (target - plus))) / 6;
}

/**
 * Under the scenario's standing quarantine Strait pressure stops at the quarantine's rung: pressing there adds
 * tension and no crisis, which only crowds the West's summits and transits out under the war guard — only from low tension.
 */
const straitClimbs = (view: GameState) =>
  !view.specials.includes('quarantine-at-crisis-5') ||
  view.tracks.taiwanCrisis < BALANCE.quarantine.fromCrisis ||
  view.tracks.tension <= TUNING.china.pressAtCapTension;

/** The West is stretched: Ukraine's front not holding and the arsenal thin, or the front failing. */
const westStretched = (view: GameState) =>
  credibility(view) < 0 ||
  (view.tracks.ukraine < BALANCE.credibility.holdingAt && view.tracks.stockpile <= TUNING.china.stretchedAtStockpile);

const front = (view: GameState) => `Ukraine's front at ${view.tracks.ukraine}, the arsenal at ${view.tracks.stockpile}`;

/** Japan's margin on the board (a bot level's head start aside) is the highest of all four, ahead of China's. */
function japanLeads(view: GameState): boolean {
  // The head start is a handicap, not a position on the map: pressing the Strait for it would hit a stronger Japan for nothing.
  const m = margins(view);
  const board = (s: Seat) => m[s] - view.marginBonus[s];
  return board('japan') > board('china') && board('japan') >= Math.max(board('nato'), board('korea'));
}

const zoneName = (a: Action) => named(a.args[0]);

/** NATO's own ships east of Suez (the Seventh Fleet is based there; the rest were sent). */
const natoShipsEast = (view: GameState) =>
  view.units.filter(
    (u) => u.owner === 'nato' && u.kind !== 'seventh-fleet' && INDO_PACIFIC.includes(theaterOfSpace(u.space)!),
  ).length;

export const CHINA_FLOWCHART: readonly Step[] = [
  {
    id: 'tension-high',
    when: (c) => c.view.tracks.tension >= TUNING.china.quietAtTension,
    moves: ['driveWedge', 'investInPort', 'supportTacitly'],
    prefer: [
      where((a) => a.move !== 'supportTacitly'),
      where((a, c) => a.move !== 'investInPort' || portsToWin(c.view).includes(a.args[0] as Port)),
      best((a, c) => (a.move === 'driveWedge' ? wedgeValue(c.view, a) : 1)),
    ],
    why: (c, a) =>
      `Tension at ${c.view.tracks.tension}: only quiet moves — ${a.move === 'driveWedge' ? `a Wedge on ${named(a.args[0])}` : a.move === 'investInPort' ? `investing in the ${named(a.args[0])}` : 'tacit support to Russia'}`,
    orPass: (c) => `Tension at ${c.view.tracks.tension}: China waits rather than risk war`,
  },
  {
    id: 'quarantine',
    // The top rung: only where Western deterrence around Taiwan is thin enough for it to hold.
    when: (c) =>
      ladderOdds(c.view, BALANCE.quarantine.target) >=
      (c.view.variant === 2 ? TUNING.china.quarantineAtOddsTwoSeat : TUNING.china.quarantineAtOdds),
    moves: ['quarantineTaiwan'],
    // A quarantine that holds stops the standing quarantine's ratchet and a defied one lifts it: its room is the declaration's.
    ceiling: (c) => tensionCeiling(c.view, false),
    why: (c) =>
      `Deterrence around Taiwan only ${deterrence(c.view, 'taiwan-ecs')}: a quarantine holds on ${Math.round(ladderOdds(c.view, BALANCE.quarantine.target) * 6)} in 6, and if defied China climbs down short of war`,
  },
  {
    id: 'strait',
    when: (c) =>
      straitClimbs(c.view) &&
      ladderOdds(c.view, BALANCE.straitTarget) >= TUNING.china.climbAtOdds[posture(c.view)] &&
      !c.doneThisTurn('pressStrait'),
    moves: ['pressStrait'],
    why: (c) =>
      `Deterrence around Taiwan only ${deterrence(c.view, 'taiwan-ecs')}: Strait pressure pays on ${Math.round(ladderOdds(c.view, BALANCE.straitTarget) * 6)} in 6`,
  },
  {
    id: 'material-aid',
    when: (c) => westStretched(c.view) && c.view.aid.length === 0,
    moves: ['sendMaterialAid'],
    why: (c) => `${front(c.view)}: covert aid to Russia keeps the West distracted`,
  },
  {
    id: 'tacit-stretched',
    when: (c) => westStretched(c.view) && c.view.tracks.ukraine > 0,
    moves: ['supportTacitly'],
    why: (c) => `${front(c.view)}: tacit support to Russia, and a failing front counts for China`,
  },
  {
    id: 'check-japan',
    // The COIN bots' rule of thumb: hit the leader. A gray-zone marker around Taiwan costs Japan two
    // points (deterrence −1, pressure +1) even where a Western ship keeps it from hardening.
    when: (c) => japanLeads(c.view) && !c.doneThisRound('pressGrayZone'),
    moves: ['pressGrayZone'],
    only: (a) => a.args[0] === 'taiwan-strait' || a.args[0] === 'east-china-sea',
    prefer: [best((a, c) => -(c.view.grayZone[a.args[0] as never] ?? 0))],
    why: (c, a) =>
      `Japan leads on ${margins(c.view).japan}: gray-zone pressure in the ${zoneName(a)} erodes its deterrence`,
  },
  {
    id: 'gray-zone-open',
    when: (c) => GRAY_ZONES.some((z) => !westernUnitIn(c.view, z)) && !c.doneThisRound('pressGrayZone'),
    moves: ['pressGrayZone'],
    only: (a, c) => !westernUnitIn(c.view, a.args[0] as string),
    prefer: [best((a) => -GRAY_ZONES.indexOf(a.args[0] as never))],
    why: (_c, a) => `No Western ship in the ${zoneName(a)}: a gray-zone marker there can harden into a fait accompli`,
  },
  {
    id: 'port-guard',
    // A controlling stake in a European port is what screening cuts back; a PLA group nearby guards it.
    when: (c) => c.view.tracks.tension <= TUNING.china.backyardAtTension && portsToGuard(c.view).length > 0,
    moves: ['projectBackyardPresence'],
    only: (a, c) => portsToGuard(c.view).includes(BACKYARD_PORT[a.args[0] as SeaZone]!),
    prefer: [best((a, c) => c.view.influence[BACKYARD_PORT[a.args[0] as SeaZone]!].china)],
    why: (c, a) => {
      const port = BACKYARD_PORT[a.args[0] as SeaZone]!;
      return `China holds ${c.view.influence[port].china} of the ${named(port)}: a PLA group in the ${zoneName(a)} guards the stake from screening`;
    },
  },
  {
    id: 'port',
    when: (c) => portsToWin(c.view).length > 0,
    moves: ['investInPort'],
    only: (a, c) => portsToWin(c.view).includes(a.args[0] as Port),
    prefer: [
      best((a, c) => portCloseness(c.view, a.args[0] as Port)),
      where((a) => a.args[0] !== 'malaysia-singapore'),
    ],
    why: (c, a) => {
      const inf = c.view.influence[a.args[0] as Port];
      return `The West holds ${inf.west} to China's ${inf.china} in the ${named(a.args[0])}: investing to take control`;
    },
  },
  {
    id: 'gray-zone-coercion',
    when: (c) =>
      posture(c.view) === 'coercion' && exposedGrayZones(c.view).length === 0 && !c.doneThisRound('pressGrayZone'),
    moves: ['pressGrayZone'],
    prefer: [best((a, c) => (a.args[0] === 'south-china-sea' ? 0 : 1) - (c.view.grayZone[a.args[0] as never] ?? 0))],
    why: (_c, a) => `Coercion: gray-zone pressure in the ${zoneName(a)} wears down Western deterrence`,
  },
  {
    id: 'wedge',
    when: (c) => !c.doneThisRound('driveWedge'),
    moves: ['driveWedge'],
    prefer: [where((a, c) => wedgeOdds(c.view, a.args[0]) >= 0.5), best((a, c) => wedgeValue(c.view, a))],
    why: (c, a) =>
      `A Wedge on ${named(a.args[0])} (${Math.round(wedgeOdds(c.view, a.args[0]) * 6)} in 6)${c.view.cyberShield ? ' to burn the CCDCOE shield' : ''}`,
  },
  {
    id: 'backyard',
    // Keep NATO's fleet at home: while a PLA group is in the backyard, NATO's moves east of Suez cost it cohesion.
    when: (c) =>
      c.view.tracks.tension <= TUNING.china.backyardAtTension &&
      natoShipsEast(c.view) >= TUNING.china.backyardAtNatoShips,
    moves: ['projectBackyardPresence'],
    why: (c) =>
      `${natoShipsEast(c.view)} NATO ships east of Suez: a PLA group in NATO's backyard makes the alliance look home`,
  },
  {
    id: 'tacit',
    moves: ['supportTacitly'],
    why: () => 'A point to spare: tacit support to Russia',
  },
  {
    id: 'gray-zone-any',
    moves: ['pressGrayZone'],
    prefer: [best((a, c) => -(c.view.grayZone[a.args[0] as never] ?? 0))],
    why: (_c, a) => `Keeping up the gray-zone pressure in the ${zoneName(a)}`,
  },
];

export type { BotCtx };
