/**
 * NATO's bot: Ukraine first (docs/DESIGN.md §9: "Ukraine ≤3 → ship shells"), then the alliance's summit and
 * cohesion, then arms east where Asia is contested, shells until the front holds (NATO's margin reads it no
 * further), then deterrence in the Indo-Pacific where China presses hardest. In the 2-seat game it
 * plays for the shared victory-point track.
 */
import { BALANCE } from '../content/balance';
import { type Port, type SeaZone, type Seat, type Theater } from '../content/ids';
import { MOVE_NUMBERS as N } from '../content/move-numbers';
import {
  INDO_PACIFIC,
  theaterOfSpace,
  named,
  THEATER_NAMES,
  RECIPIENT_THEATER,
  margins,
  portController,
  credibility,
  plaInBackyard,
  fonopEscort,
  type Action,
  type GameState,
} from '../rules';
import { best, where, type BotCtx, type Step } from './flowchart';
import { balanceIn, exposedGrayZones, westernUnitIn } from './read';
import { TUNING } from './tuning';

/** Indo-Pacific theaters where pressure matches or beats deterrence, worst first. */
export function contestedTheaters(view: GameState): Theater[] {
  return INDO_PACIFIC.filter((t) => balanceIn(view, t) <= 0).sort((a, b) => balanceIn(view, a) - balanceIn(view, b));
}

/** How much a unit placed in `zone` helps: exposed gray zone first, then the weakest theater. */
export function zoneNeed(view: GameState, zone: string): number {
  const t = theaterOfSpace(zone);
  const exposed = exposedGrayZones(view).includes(zone as never) ? 10 : 0;
  return exposed + (t && INDO_PACIFIC.includes(t) ? 5 - Math.max(-5, Math.min(5, balanceIn(view, t))) : 0);
}

const destination = (a: Action) => String(a.move === 'deployCarrierGroup' ? a.args[1] : a.args[0]);

/**
 * Moving a carrier group already at sea must not uncover what it holds: a gray zone it keeps from
 * hardening, or a theater it keeps ahead of China (measured: without this check, extra action points
 * went into sailing one carrier back and forth between two contested theaters).
 */
export function keepsCover(view: GameState, a: Action): boolean {
  if (a.move !== 'deployCarrierGroup') return true;
  const unit = view.units.find((u) => u.kind === a.args[0]);
  if (!unit) return true;
  if ((view.grayZone[unit.space as never] ?? 0) > 0) return false;
  const t = theaterOfSpace(unit.space);
  return !(
    t &&
    INDO_PACIFIC.includes(t) &&
    t !== theaterOfSpace(destination(a)) &&
    balanceIn(view, t) - unit.presence <= 0
  );
}

/** The FONOP's odds: roll + the escort's presence − gray-zone markers ≥ 4, and a natural 1 is an incident. */
export function fonopGood(view: GameState, seat: Seat, zone: string): boolean {
  const presence = fonopEscort(view, seat, zone as SeaZone).reduce((s, u) => s + u.presence, 0);
  const gray = view.grayZone[zone as never] ?? 0;
  const need = N.freedomOfNavigation.target - presence + gray - view.handicap[seat].roll;
  return gray > 0 && need <= 4;
}

/** China's margin is the highest, or within one of it. */
export function chinaLeads(view: GameState): boolean {
  const m = margins(view);
  return m.china + 1 >= Math.max(m.nato, m.japan, m.korea);
}

/** A move east of Suez costs cohesion, a margin point, while the front fails or the PLA sails in the backyard (the overreach rule). */
export const overreachCosts = (view: GameState): boolean => credibility(view) < 0 || plaInBackyard(view);

/** Alone, NATO sends nothing east that the allies would make it pay for at home; the West's track does not read cohesion. */
const eastIsFree = (c: BotCtx): boolean => c.team || !overreachCosts(c.view);

const hiddenAid = (c: BotCtx) => c.view.aid.some((a) => !a.revealed);

const EUROPEAN_PORTS: readonly Port[] = ['north-sea-ports', 'mediterranean-ports'];

/** European ports where China's influence matches or beats the West's (each costs cohesion at the summit). */
export function portsAtRisk(view: GameState): Port[] {
  return EUROPEAN_PORTS.filter((p) => view.influence[p].china >= view.influence[p].west);
}

export const NATO_FLOWCHART: readonly Step[] = [
  {
    id: 'shells-urgent',
    when: (c) => c.view.tracks.ukraine <= TUNING.nato.shellsAtUkraine + (c.team ? 1 : 0),
    moves: ['shipShells'],
    why: (c) => `Ukraine front at ${c.view.tracks.ukraine}: shipping shells`,
  },
  {
    id: 'summit',
    when: (c) => c.view.tracks.cohesion < 10 || c.view.tracks.internationalization < 20,
    moves: ['summit'],
    why: (c) => `Cohesion ${c.view.tracks.cohesion}: a NATO summit binds the alliance and draws in the Indo-Pacific`,
  },
  {
    id: 'intelligence',
    when: (c) => hiddenAid(c),
    moves: ['gatherIntelligence'],
    why: (c) =>
      `${c.view.aid.filter((a) => !a.revealed).length} covert Chinese move(s) unexplained: gathering intelligence`,
  },
  {
    id: 'screen-investment',
    // A port China holds costs cohesion at every summit and gives China 2 margin; screening is 1 AP.
    when: (c) => portsAtRisk(c.view).length > 0,
    moves: ['screenInvestment'],
    only: (a, c) => portsAtRisk(c.view).includes(a.args[0] as Port),
    prefer: [best((a, c) => c.view.influence[a.args[0] as Port].china - c.view.influence[a.args[0] as Port].west)],
    why: (c, a) =>
      `China ${c.view.influence[a.args[0] as Port].china} to our ${c.view.influence[a.args[0] as Port].west} in the ${named(a.args[0])}: investment screening`,
  },
  {
    id: 'cover-gray-zone',
    // Alone, NATO spends on Asian waters only to stop China pulling ahead; for the West, always.
    when: (c) => exposedGrayZones(c.view).length > 0 && (c.team || chinaLeads(c.view)),
    moves: ['transit', 'deployCarrierGroup'],
    only: (a, c) => exposedGrayZones(c.view).includes(destination(a) as never) && keepsCover(c.view, a),
    prefer: [best((a) => (a.move === 'transit' ? 1 : 0))],
    why: (_c, a) => `Gray zone unchallenged in the ${named(destination(a))}: a Western ship there stops it hardening`,
  },
  {
    id: 'shells-last-turn',
    // The alliance is counted at the final summit, after two upkeeps' grind: the front must still hold then, so shells before arms east.
    when: (c) =>
      !c.team &&
      c.view.turn >= c.view.lastTurn - 1 &&
      c.view.tracks.ukraine <= BALANCE.credibility.holdingAt &&
      c.view.tracks.stockpile >= TUNING.nato.lastTurnShellsStockpile,
    moves: ['shipShells'],
    why: (c) =>
      `Final summit ahead, front at ${c.view.tracks.ukraine}: shells so it still holds when the alliance is counted`,
  },
  {
    id: 'arms-contested',
    // One arsenal: where Asia is contested and the allies would not balk (overreach), the spare stock goes east before more shells.
    when: (c) =>
      eastIsFree(c) && c.view.tracks.stockpile >= TUNING.nato.armsKeepStockpile && contestedTheaters(c.view).length > 0,
    moves: ['armPartner'],
    only: (a, c) => contestedTheaters(c.view).includes(RECIPIENT_THEATER[a.args[0] as never]),
    // The allies at the table first: their own waters are where China's pressure bites.
    prefer: [where((a) => a.args[0] === 'japan' || a.args[0] === 'korea'), where((a) => a.args[0] !== 'taiwan')],
    why: (c, a) =>
      `Deterrence trails pressure in ${THEATER_NAMES[RECIPIENT_THEATER[a.args[0] as never]]} (${balanceIn(c.view, RECIPIENT_THEATER[a.args[0] as never])}) and Ukraine's front is at ${c.view.tracks.ukraine}: arms to ${named(a.args[0])} from the stockpile`,
  },
  {
    id: 'shells',
    when: (c) =>
      c.view.tracks.ukraine < TUNING.nato.shellsBelowUkraine &&
      c.view.tracks.stockpile >= TUNING.nato.shellsKeepStockpile,
    moves: ['shipShells'],
    why: (c) => `Stockpile ${c.view.tracks.stockpile}, front at ${c.view.tracks.ukraine}: shells to Ukraine`,
  },
  {
    id: 'fpda',
    when: (c) => portController(c.view, 'malaysia-singapore') !== 'west',
    moves: ['consultFpda'],
    why: (c) =>
      `Malaysia–Singapore not ours (${c.view.influence['malaysia-singapore'].west} to ${c.view.influence['malaysia-singapore'].china}): FPDA consultation`,
  },
  {
    id: 'fonop',
    when: (c) => c.view.tracks.tension <= TUNING.nato.fonopAtTension,
    moves: ['freedomOfNavigation'],
    only: (a, c) => fonopGood(c.view, 'nato', a.args[0] as string),
    why: (c, a) =>
      `Gray zone in the ${named(a.args[0])} with a Western escort: a FONOP at tension ${c.view.tracks.tension}`,
  },
  {
    id: 'deploy-contested',
    when: (c) => contestedTheaters(c.view).length > 0 && (c.team || chinaLeads(c.view)) && eastIsFree(c),
    moves: ['transit', 'deployCarrierGroup', 'rotateFrenchForces'],
    only: (a, c) => zoneNeed(c.view, destination(a)) > 5 && keepsCover(c.view, a),
    prefer: [best((a, c) => zoneNeed(c.view, destination(a)))],
    why: (c, a) =>
      `Pressure outweighs deterrence in the ${THEATER_NAMES[theaterOfSpace(destination(a))!] ?? named(destination(a))}: sending ships to the ${named(destination(a))}`,
  },
  {
    id: 'ccdcoe',
    moves: ['joinCcdcoe'],
    prefer: [best((a, c) => -(c.view.partnership[a.args[0] as 'japan' | 'korea'].level ?? 0))],
    why: (_c, a) => `CCDCOE: a cyber shield against China's next Wedge, and a pip for ${named(a.args[0])}`,
  },
  {
    id: 'shells-spare',
    // NATO's margin reads the front only up to holding: a turn's grind above it is enough, the rest goes east.
    when: (c) => c.view.tracks.ukraine <= BALANCE.credibility.holdingAt + 1 && c.view.tracks.stockpile >= 2,
    moves: ['shipShells'],
    why: (c) => `Front at ${c.view.tracks.ukraine}: spare shells to Ukraine`,
  },
  {
    id: 'futures',
    // A look at the deck is worth less than a shell while the front is short of holding.
    moves: ['consultFutures'],
    why: () => 'Futures in the Indo-Pacific: look ahead and bury the worst inject',
  },
  {
    id: 'transit',
    // A show of the flag is not worth a point of cohesion.
    when: eastIsFree,
    moves: ['transit'],
    prefer: [
      where((a) => INDO_PACIFIC.includes(theaterOfSpace(String(a.args[0])) as Theater)),
      best((a, c) => zoneNeed(c.view, String(a.args[0]))),
    ],
    why: (_c, a) => `A German transit to the ${named(a.args[0])}: the alliance shows up in the Indo-Pacific`,
  },
  {
    id: 'arms-team',
    when: (c) => c.team,
    moves: ['armPartner', 'statement'],
    prefer: [
      where((a) => a.args[0] !== 'taiwan'),
      best(
        (a, c) =>
          -balanceIn(c.view, a.move === 'armPartner' ? RECIPIENT_THEATER[a.args[0] as never] : (a.args[0] as Theater)),
      ),
    ],
    why: (_c, a) =>
      a.move === 'armPartner'
        ? `Arms to ${named(a.args[0])} for lasting deterrence`
        : `A statement on the ${THEATER_NAMES[a.args[0] as Theater]}`,
  },
  {
    id: 'westernUnit-guard',
    when: (c) => westernUnitIn(c.view, 'south-china-sea') === false && c.team,
    moves: ['rotateFrenchForces'],
    why: (_c, a) => `French rotation to the ${named(a.args[0])}`,
  },
];
