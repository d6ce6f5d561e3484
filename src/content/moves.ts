/** The move catalogue: what each move costs, who may use it, and what it does, in players' words. */
import { BALANCE } from './balance';
import { TRACKS, type MoveName, type Seat, type WhiteMoveName } from './ids';
import { MOVE_NUMBERS as N } from './move-numbers';
import { RULE_NUMBERS } from './rule-numbers';

const B = BALANCE;
const q = B.quarantine;
const c = B.credibility;
const SH = N.shellsForUkraine;
/** A signed change as the catalogue writes it: +2, −1. */
const signed = (n: number) => (n < 0 ? `−${-n}` : `+${n}`);
const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** A small count in words ("two at most"), capitalized at the start of a sentence. */
const count = (n: number, capital = false) => {
  const w = COUNT_WORDS[n] ?? String(n);
  return capital ? w[0]!.toUpperCase() + w.slice(1) : w;
};
const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth'];
const ordinal = (n: number) => ORDINALS[n] ?? `${n}th`;
/** NATO deployments east of Suez cost cohesion while the front fails (v2's overreach rule), in words. */
const OVERREACH = `; NATO: cohesion −${B.overreachCohesion} while Ukraine is ${c.failingAt} or less or a PLA group is in the Euro-Atlantic`;
const EMBOLDENED = `${signed(c.modifier)} while Ukraine is ${c.failingAt} or less, ${signed(-c.modifier)} while it is ${c.holdingAt}+`;

export type MoveCategory = 'deterrence' | 'naval' | 'arms' | 'diplomacy' | 'china' | 'flow';

export interface MoveInfo {
  name: string;
  category: MoveCategory;
  /** Action points; 0 for reactions and flow moves; the least of them where the first argument sets the price. */
  cost: number;
  /** Action points by the first argument's value, where it sets the price (South Korea's shells: the route). */
  costByArg?: Readonly<Record<string, number>>;
  seats: readonly Seat[];
  /** What the move needs, in one line. */
  needs: string;
  /** What the move does, in one line. */
  does: string;
  /** Names of the arguments, in order, for the interface and the saved-game reader. */
  args: readonly string[];
}

const WEST: readonly Seat[] = ['nato', 'japan', 'korea'];
const ALL: readonly Seat[] = ['china', 'nato', 'japan', 'korea'];

export const MOVE_CATALOGUE: Record<MoveName, MoveInfo> = {
  statement: {
    name: 'Statement',
    category: 'deterrence',
    cost: 1,
    seats: WEST,
    needs: 'Once per theater per turn; not the Euro-Atlantic',
    does: `${signed(N.statement.deterrence)} deterrence in a theater until upkeep`,
    args: ['theater'],
  },
  leaderVisit: {
    name: 'Leader visit',
    category: 'deterrence',
    cost: 1,
    seats: WEST,
    needs: 'Once per turn; a known partner other than yourself, or Kyiv (Japan only)',
    does: `${signed(N.leaderVisit.pips)} partnership pip; Japan to Kyiv: cohesion ${signed(N.leaderVisit.kyivCohesion)}`,
    args: ['destination'],
  },
  exercise: {
    name: 'Exercise',
    category: 'deterrence',
    cost: 2,
    seats: WEST,
    needs: `Own unit (Japan and South Korea: or home country) in or next to the theater; a partner at level ${N.exercise.partnerFrom}+; one exercise per theater per turn`,
    does: `${signed(N.exercise.deterrence)} deterrence until the next summit, ${signed(N.exercise.pips)} pip, tension ${signed(N.exercise.tension)}`,
    args: ['theater', 'partner'],
  },
  summit: {
    name: 'NATO Summit',
    category: 'deterrence',
    cost: 3,
    seats: ['nato'],
    needs: `Once a year; cohesion ${N.summit.cohesionFrom}+`,
    does: `Internationalization +${B.summit.internationalization}, cohesion ${signed(N.summit.cohesion)}, tension ${signed(N.summit.tension)}; China gets a free Lambaste; then Japan and South Korea (partnership ${B.summit.guestsFrom}+) each choose to attend: internationalization +${B.summit.attend.internationalization}, +${B.summit.attend.pips} pip, and Japan tension +${B.summit.attend.japanTension}, South Korea exposure +${B.summit.attend.koreaExposure}`,
    args: [],
  },
  deployCarrierGroup: {
    name: 'Carrier strike group',
    category: 'naval',
    cost: 3,
    seats: ['nato'],
    needs:
      'US: one group at a time, entering from the East Pacific or North Atlantic; UK: once per game, from the North Atlantic, North Sea or Mediterranean',
    does: `Move a carrier group up to ${N.deployCarrierGroup.reach} zones; presence ${N.deployCarrierGroup.usPresence} (UK ${N.deployCarrierGroup.ukPresence}) for ${N.deployCarrierGroup.turns} turns; arriving in the South China Sea or Taiwan & ECS theater: tension ${signed(N.deployCarrierGroup.contestedTension)}${OVERREACH}`,
    args: ['kind', 'zone'],
  },
  rotateFrenchForces: {
    name: 'French rotation',
    category: 'naval',
    cost: 1,
    seats: ['nato'],
    needs: `An Indian Ocean zone or the Southwest Pacific; ${count(N.rotateFrenchForces.atMost)} at most`,
    does: `Presence ${N.rotateFrenchForces.presence} for ${N.rotateFrenchForces.turns} turns${OVERREACH}`,
    args: ['zone'],
  },
  transit: {
    name: 'Transit',
    category: 'naval',
    cost: 2,
    seats: ['nato'],
    needs: `Once per turn; up to ${N.transit.reach} zones from the North Atlantic or Mediterranean`,
    does: `Presence ${N.transit.presence} this turn; internationalization ${signed(N.transit.internationalization)} on reaching the Indo-Pacific${OVERREACH}`,
    args: ['zone'],
  },
  freedomOfNavigation: {
    name: 'Freedom-of-navigation operation',
    category: 'naval',
    cost: 2,
    seats: ['nato', 'japan'],
    needs: `A Western unit in the South China Sea or Taiwan Strait; Japan may also sail its own units from up to ${N.freedomOfNavigation.japanReach} sea zones away`,
    does: `Tension ${signed(N.freedomOfNavigation.tension)}; roll + Western presence (and Japan's units that sail in) − gray-zone markers in the zone: ${N.freedomOfNavigation.target}+ removes ${count(N.freedomOfNavigation.grayZone)}, internationalization ${signed(N.freedomOfNavigation.internationalization)}; a natural ${N.freedomOfNavigation.incidentFace} is an incident instead: tension ${signed(N.freedomOfNavigation.incidentTension)} more and an incident inject. Japan sails a transit, not a challenge: its FONOP has no incident`,
    args: ['zone'],
  },
  buildUpDefence: {
    name: 'Defence build-up',
    category: 'naval',
    cost: 2,
    seats: ['japan'],
    needs: `East China Sea or Sea of Japan; ${count(N.buildUpDefence.atMost)} units at most`,
    does: `A Japanese naval unit, presence ${N.buildUpDefence.presence}, permanent`,
    args: ['zone'],
  },
  shipShells: {
    name: 'Ship shells to Ukraine',
    category: 'arms',
    cost: 1,
    seats: ['nato'],
    needs: `Stockpile ${N.shipShells.stockpile}+`,
    does: `Stockpile ${signed(-N.shipShells.stockpile)}, Ukraine ${signed(N.shipShells.ukraine)}`,
    args: [],
  },
  shellsForUkraine: {
    name: 'Shells for Ukraine',
    category: 'arms',
    cost: SH.viaEurope.ap,
    costByArg: { 'via-europe': SH.viaEurope.ap, 'to-kyiv': SH.toKyiv.ap },
    seats: ['korea'],
    needs: `Each route once per turn; to Kyiv: South Korea partnership ${SH.toKyiv.partnerFrom}+`,
    does: `Via Europe (${SH.viaEurope.ap} AP): stockpile ${signed(SH.viaEurope.stockpile)}. To Kyiv (${SH.toKyiv.ap} AP): roll ${SH.toKyiv.target}+: Ukraine ${signed(SH.toKyiv.ukraine)}, else stockpile ${signed(SH.toKyiv.stockpile)}; ${signed(SH.toKyiv.pips)} South Korea pip; tension ${signed(SH.toKyiv.tension)}; exposure ${signed(SH.toKyiv.exposure)}`,
    args: ['route'],
  },
  exportDefence: {
    name: 'Defence exports to Europe',
    category: 'arms',
    cost: 1,
    seats: ['korea'],
    needs: 'Once per turn',
    does: `Stockpile ${signed(N.exportDefence.stockpile)}, ${signed(N.exportDefence.pips)} pip, exports ${signed(N.exportDefence.exports)}; at DPRK Threat ${N.exportDefence.homeFrom}+, or at ${N.holdNonproliferationConference.threatFrom}+ before this turn's nonproliferation conference, also ${signed(-N.exportDefence.homeDeterrence)} deterrence in Korea, permanent`,
    args: [],
  },
  armPartner: {
    name: 'Arms to a partner or Taiwan',
    category: 'arms',
    cost: 2,
    seats: ['nato'],
    needs: `Stockpile ${B.armsStockpile}+; a partner at level ${N.armPartner.partnerFrom}+, or Taiwan below Taiwan Crisis ${N.armPartner.taiwanBlockedAt}; once per recipient per turn`,
    does: `Stockpile −${B.armsStockpile}; permanent ${signed(N.armPartner.deterrence)} deterrence in the recipient's theater; tension ${signed(N.armPartner.tension)} (${signed(N.armPartner.taiwanTension)} for Taiwan)${OVERREACH}`,
    args: ['recipient'],
  },
  upgradePartnership: {
    name: 'Partnership upgrade',
    category: 'diplomacy',
    cost: 2,
    seats: WEST,
    needs: `A partner below level ${N.upgradePartnership.maxLevel}; once per partner per seat per turn`,
    does: `Roll + modifiers ≥ ${N.upgradePartnership.target} + level: ${signed(N.upgradePartnership.levels)} level (India ${signed(N.upgradePartnership.india)}; Japan ${signed(N.upgradePartnership.japan)}; Ukraine's front: partners hedge ${signed(-c.modifier)} while it is ${c.failingAt} or less, ${signed(c.modifier)} while ${c.holdingAt}+); untested India: the roll reveals its level instead`,
    args: ['partner'],
  },
  consultFutures: {
    name: 'Futures in the Indo-Pacific',
    category: 'diplomacy',
    cost: 1,
    seats: ['nato'],
    needs: 'Once per turn',
    does: `Look at the top ${N.consultFutures.peek} injects, put one at the bottom`,
    args: [],
  },
  consultFpda: {
    name: 'FPDA consultation',
    category: 'diplomacy',
    cost: 1,
    seats: ['nato'],
    needs: 'Once per turn',
    does: `${signed(N.consultFpda.influence)} Western influence in Malaysia–Singapore; a Chinese stake of ${N.consultFpda.cutFrom} there ${signed(-N.consultFpda.chinaInfluence)}`,
    args: [],
  },
  screenInvestment: {
    name: 'Investment screening',
    category: 'diplomacy',
    cost: 1,
    seats: ['nato'],
    needs: 'Once per turn; a European port',
    does: `${signed(N.screenInvestment.influence)} Western influence in a European port; a Chinese stake of ${N.screenInvestment.cutFrom} there ${signed(-N.screenInvestment.chinaInfluence)} unless a PLA group guards it`,
    args: ['port'],
  },
  reinforceUnCommand: {
    name: 'UN Command',
    category: 'diplomacy',
    cost: 1,
    seats: ['nato', 'korea'],
    needs: `DPRK Threat ${N.reinforceUnCommand.threatFrom}+; ${count(N.reinforceUnCommand.atMost)} UN Command markers at most`,
    does: `${signed(N.reinforceUnCommand.deterrence)} deterrence in Korea until the next summit`,
    args: [],
  },
  holdNonproliferationConference: {
    name: 'Nonproliferation conference',
    category: 'diplomacy',
    cost: 1,
    seats: ['korea'],
    needs: `Once per turn; DPRK Threat ${N.holdNonproliferationConference.threatFrom}+`,
    does: `DPRK Threat ${signed(-N.holdNonproliferationConference.dprkThreat)}`,
    args: [],
  },
  joinCcdcoe: {
    name: 'CCDCOE cyber centre',
    category: 'diplomacy',
    cost: 1,
    seats: ['nato'],
    needs: 'No shield up',
    does: `A shield that stops China's next Wedge; ${signed(N.joinCcdcoe.pips)} pip (Japan or South Korea)`,
    args: ['partner'],
  },
  gatherIntelligence: {
    name: 'Intelligence',
    category: 'diplomacy',
    cost: 1,
    seats: WEST,
    needs: 'Once per turn',
    does: `Roll ${N.gatherIntelligence.target}+: reveal a hidden Material-aid marker`,
    args: [],
  },
  investInPort: {
    name: 'Port investment',
    category: 'china',
    cost: 2,
    seats: ['china'],
    needs: '—',
    does: `${signed(N.investInPort.influence)} Chinese influence in a port; at each summit cohesion ${signed(-N.investInPort.summitCohesionPerPort)} per port China controls`,
    args: ['port'],
  },
  projectBackyardPresence: {
    name: 'Backyard presence',
    category: 'china',
    cost: 2,
    seats: ['china'],
    needs: `Once per turn; a Euro-Atlantic zone; ${count(N.projectBackyardPresence.atMost)} groups at most`,
    does: `A Chinese naval group there for ${N.projectBackyardPresence.turns} turns; ${signed(N.projectBackyardPresence.influence)} Chinese influence in the nearest European port unless China controls it, and it guards China's stake there from screening; tension ${signed(N.projectBackyardPresence.tension)}, cohesion ${signed(N.projectBackyardPresence.cohesion)}, internationalization ${signed(N.projectBackyardPresence.internationalization)} (Europe and Asia both see China's navy in NATO's waters); while it stays, NATO deployments east of Suez cost cohesion`,
    args: ['zone'],
  },
  supportTacitly: {
    name: 'Tacit support',
    category: 'china',
    cost: 1,
    seats: ['china'],
    needs: 'Once per turn',
    does: `Russia's attrition ${signed(N.supportTacitly.attrition)} next upkeep`,
    args: [],
  },
  sendMaterialAid: {
    name: 'Material aid',
    category: 'china',
    cost: 3,
    seats: ['china'],
    needs: `${count(N.sendMaterialAid.atMost, true)} markers at most`,
    does: `Hidden: Ukraine ${signed(-N.sendMaterialAid.upkeepUkraine)} each upkeep; revealed: tension ${signed(N.sendMaterialAid.revealed.tension)}, internationalization ${signed(N.sendMaterialAid.revealed.internationalization)}, cohesion ${signed(N.sendMaterialAid.revealed.cohesion)}, China margin ${signed(-N.sendMaterialAid.revealed.chinaMargin)}`,
    args: [],
  },
  pressGrayZone: {
    name: 'Gray-zone pressure',
    category: 'china',
    cost: 2,
    seats: ['china'],
    needs: 'South China Sea, Taiwan Strait or East China Sea',
    does: 'A gray-zone marker there',
    args: ['zone'],
  },
  pressStrait: {
    name: 'Strait pressure',
    category: 'china',
    cost: 3,
    seats: ['china'],
    needs: `Taiwan Crisis below ${TRACKS.taiwanCrisis[1]}`,
    does: `Taiwan Crisis ${signed(N.pressStrait.taiwanCrisis)}, tension ${signed(N.pressStrait.tension)}; roll + crisis − deterrence(Taiwan) (${EMBOLDENED}): ${B.straitTarget}+ China margin ${signed(N.pressStrait.margin)}, else internationalization ${signed(N.pressStrait.internationalization)}`,
    args: [],
  },
  quarantineTaiwan: {
    name: 'Quarantine of Taiwan',
    category: 'china',
    cost: 3,
    seats: ['china'],
    needs: `Taiwan Crisis ${q.fromCrisis}+; once per turn`,
    does: `Taiwan Crisis ${signed(N.quarantineTaiwan.taiwanCrisis)}, tension +${q.tension}; roll + crisis − deterrence(Taiwan) (${EMBOLDENED}): ${q.target}+ a fait-accompli marker in the Taiwan Strait and Japan ${signed(-N.quarantineTaiwan.japanPips)} pip, else it is defied and China climbs down: Taiwan Crisis ${signed(N.quarantineTaiwan.defied.taiwanCrisis)}, China margin ${signed(N.quarantineTaiwan.defied.margin)}, internationalization ${signed(N.quarantineTaiwan.defied.internationalization)}`,
    args: [],
  },
  driveWedge: {
    name: 'Wedge',
    category: 'china',
    cost: 2,
    seats: ['china'],
    needs: `A partner at level ${N.driveWedge.partnerFrom}+ or a port with Western influence`,
    does: `Roll (${EMBOLDENED}) ≥ ${N.driveWedge.target} + the partner's level (South Korea: − exposure): ${signed(-N.driveWedge.pips)} pip; or ≥ ${N.driveWedge.target} + a port's Western influence: ${signed(-N.driveWedge.influence)} Western influence there; a CCDCOE shield stops it and is used up`,
    args: ['target'],
  },
  lambaste: {
    name: 'Lambaste',
    category: 'flow',
    cost: 0,
    seats: ['china'],
    needs: 'A Western gain just made',
    does: `Cancel ${N.lambaste.cancel} point of it; the ${ordinal(N.lambaste.free + 1)} and later Lambastes in a turn give internationalization ${signed(N.lambaste.internationalization)}`,
    args: [],
  },
  declineLambaste: {
    name: 'Let it pass',
    category: 'flow',
    cost: 0,
    seats: ['china'],
    needs: 'A Western gain just made',
    does: 'No Lambaste',
    args: [],
  },
  chooseOption: {
    name: 'Choose',
    category: 'flow',
    cost: 0,
    seats: ALL,
    needs: 'A choice put to you',
    does: 'Resolve the choice',
    args: ['option'],
  },
  proposeArgument: {
    name: 'Matrix argument',
    category: 'flow',
    cost: 2,
    seats: ALL,
    needs: 'Free adjudication allowed by the White Cell',
    does: 'State an action, its intended result and reasons; the White Cell rates it and a die decides',
    args: ['argument'],
  },
  pass: {
    name: 'Pass',
    category: 'flow',
    cost: 0,
    seats: ALL,
    needs: 'Your round',
    does: 'End your part of this action round',
    args: [],
  },
};

/** The White Cell's powers by the names its console and docs/SEMINAR.md give them. */
export const WHITE_MOVE_NAMES: Record<WhiteMoveName, string> = {
  whiteForceInject: 'Force an inject',
  whiteScheduleInject: 'Schedule an inject',
  whiteHoldInject: 'Hold the next inject',
  whiteWriteInject: 'Write an inject',
  whiteOverrideTrack: 'Override a track',
  whiteForceRoll: 'Fix the next roll',
  whitePause: 'Pause',
  whiteResume: 'Resume',
  whiteRewind: 'Rewind',
  whiteReopenBranch: 'Reopen a branch',
  whiteRequireApproval: `Approve at tension ${RULE_NUMBERS.approvalTension}+`,
  whiteDecide: 'Approve or refuse',
  whiteRate: 'Rate an argument',
  whiteInterpret: 'Read an inject',
  whiteSetAdjudication: 'Adjudication',
};

/** What `move` with `args` costs: its route's price, else the catalogue's cost. */
export function moveCost(move: MoveName, args: readonly unknown[]): number {
  const info = MOVE_CATALOGUE[move];
  const by = info.costByArg;
  return by && Object.hasOwn(by, String(args[0])) ? by[String(args[0])]! : info.cost;
}

/** A move's cost in words: `2`, or `1–2` where the route sets it. */
export function costText(info: MoveInfo): string {
  const all = [info.cost, ...Object.values(info.costByArg ?? {})];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** A seat's move or a White Cell power by its name; an unknown name as it is. */
export function moveName(move: string): string {
  if (Object.hasOwn(MOVE_CATALOGUE, move)) return MOVE_CATALOGUE[move as MoveName].name;
  return Object.hasOwn(WHITE_MOVE_NAMES, move) ? WHITE_MOVE_NAMES[move as WhiteMoveName] : move;
}
