/** The move catalogue: what each move costs, who may use it, and what it does, in players' words. */
import type { MoveName, Seat } from './ids';

export type MoveCategory = 'deterrence' | 'naval' | 'arms' | 'diplomacy' | 'china' | 'flow';

export interface MoveInfo {
  name: string;
  category: MoveCategory;
  /** Action points; 0 for reactions and flow moves. */
  cost: number;
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
  statement: { name: 'Statement', category: 'deterrence', cost: 1, seats: WEST, needs: 'Once per theater per turn', does: '+1 deterrence in a theater until upkeep', args: ['theater'] },
  leaderVisit: { name: 'Leader visit', category: 'deterrence', cost: 1, seats: WEST, needs: 'A partner other than yourself, or Kyiv (Japan)', does: '+1 partnership pip; Japan to Kyiv: cohesion +1', args: ['destination'] },
  exercise: { name: 'Exercise', category: 'deterrence', cost: 2, seats: WEST, needs: 'Own unit in or next to the theater; a partner at level 2+', does: '+2 deterrence until the next summit, +1 pip, tension +1', args: ['theater', 'partner'] },
  summit: { name: 'NATO Summit', category: 'deterrence', cost: 3, seats: ['nato'], needs: 'Once a year; cohesion 5+', does: 'Internationalization +2 (+1 per partner at 3+, max +4), cohesion +1, tension +1; China gets a free Lambaste', args: [] },
  deployCarrierGroup: { name: 'Carrier strike group', category: 'naval', cost: 3, seats: ['nato'], needs: 'US: one group at a time; UK: once per game', does: 'Move a carrier group up to 3 zones; presence 3 (UK 2) for 2 turns', args: ['kind', 'zone'] },
  deployPatrolVessels: { name: 'Offshore patrol vessels', category: 'naval', cost: 2, seats: ['nato'], needs: 'UK, once per game; an Indo-Pacific zone', does: 'Presence 1 for the rest of the game', args: ['zone'] },
  rotateFrenchForces: { name: 'French rotation', category: 'naval', cost: 1, seats: ['nato'], needs: 'An Indian Ocean zone or the Southwest Pacific; two at most', does: 'Presence 1 for 2 turns', args: ['zone'] },
  transit: { name: 'Transit', category: 'naval', cost: 2, seats: ['nato'], needs: 'Up to 4 zones from the Atlantic or Mediterranean', does: 'Presence 1 this turn; internationalization +1 on reaching the Indo-Pacific', args: ['zone'] },
  freedomOfNavigation: { name: 'Freedom-of-navigation operation', category: 'naval', cost: 2, seats: ['nato', 'japan'], needs: 'Own unit in the South China Sea or Taiwan Strait', does: 'Roll + presence − gray zone: 4+ removes a gray-zone marker, internationalization +1; a 1 is an incident; tension +1', args: ['zone'] },
  buildUpDefence: { name: 'Defence build-up', category: 'naval', cost: 2, seats: ['japan'], needs: 'East China Sea or Sea of Japan; three units at most', does: 'A Japanese naval unit, presence 1, permanent', args: ['zone'] },
  shipShells: { name: 'Ship shells to Ukraine', category: 'arms', cost: 1, seats: ['nato'], needs: 'Stockpile 1+', does: 'Stockpile −1, Ukraine +1', args: [] },
  transferDirect: { name: 'Direct transfer to Ukraine', category: 'arms', cost: 2, seats: ['korea'], needs: 'South Korea partnership 2+', does: 'On 4+ Ukraine +2, else stockpile +1; tension +1; exposure +1', args: [] },
  transferIndirect: { name: 'Indirect transfer via Europe', category: 'arms', cost: 1, seats: ['korea'], needs: '—', does: 'Stockpile +1', args: [] },
  exportDefence: { name: 'Defence exports to Europe', category: 'arms', cost: 1, seats: ['korea'], needs: '—', does: 'Stockpile +1, +1 pip, exports +1', args: [] },
  armPartner: { name: 'Arms to a partner or Taiwan', category: 'arms', cost: 2, seats: ['nato'], needs: 'Partner at level 1+; Taiwan blocked at Taiwan Crisis 5', does: 'Permanent +1 deterrence there; tension +1 (+2 for Taiwan)', args: ['recipient'] },
  upgradePartnership: { name: 'Partnership upgrade', category: 'diplomacy', cost: 2, seats: WEST, needs: 'A partner below level 4', does: 'Roll + modifiers ≥ 3 + level: +1 level (India −1; Japan +1); untested India: reveal', args: ['partner'] },
  consultFutures: { name: 'Futures in the Indo-Pacific', category: 'diplomacy', cost: 1, seats: ['nato'], needs: 'Once per turn', does: 'Look at the top 3 injects, put one at the bottom', args: [] },
  consultFpda: { name: 'FPDA consultation', category: 'diplomacy', cost: 1, seats: ['nato'], needs: '—', does: '+1 Western influence in Malaysia–Singapore', args: [] },
  screenInvestment: { name: 'Investment screening', category: 'diplomacy', cost: 1, seats: ['nato'], needs: 'Once per turn; a European port', does: '+1 Western influence in a European port', args: ['port'] },
  reinforceUnCommand: { name: 'UN Command', category: 'diplomacy', cost: 1, seats: ['nato', 'korea'], needs: 'Three UN Command markers at most', does: '+1 deterrence in Korea until the next summit', args: [] },
  holdNonproliferationConference: { name: 'Nonproliferation conference', category: 'diplomacy', cost: 1, seats: ['korea'], needs: 'Once per turn; DPRK Threat 1+', does: 'DPRK Threat −1', args: [] },
  joinCcdcoe: { name: 'CCDCOE cyber centre', category: 'diplomacy', cost: 1, seats: ['nato'], needs: 'No shield up', does: 'A shield that cancels China\'s next cyber effect; +1 pip (Japan or South Korea)', args: ['partner'] },
  gatherIntelligence: { name: 'Intelligence', category: 'diplomacy', cost: 1, seats: WEST, needs: '—', does: 'On 5+ reveal a hidden Material-aid marker', args: [] },
  investInPort: { name: 'Port investment', category: 'china', cost: 2, seats: ['china'], needs: '—', does: '+2 Chinese influence in a port; at each summit cohesion −1 per port China controls', args: ['port'] },
  projectBackyardPresence: { name: 'Backyard presence', category: 'china', cost: 2, seats: ['china'], needs: 'A Euro-Atlantic zone; two groups at most', does: 'A Chinese naval group there; China margin +1, tension +1, cohesion +1', args: ['zone'] },
  supportTacitly: { name: 'Tacit support', category: 'china', cost: 1, seats: ['china'], needs: 'Once per turn', does: 'Russia\'s attrition +1 next upkeep', args: [] },
  sendMaterialAid: { name: 'Material aid', category: 'china', cost: 3, seats: ['china'], needs: 'Two markers at most', does: 'Hidden: Ukraine −1 each upkeep; revealed: tension +2, internationalization +2, cohesion +1, China margin −2', args: [] },
  pressGrayZone: { name: 'Gray-zone pressure', category: 'china', cost: 2, seats: ['china'], needs: 'South China Sea, Taiwan Strait or East China Sea', does: 'A gray-zone marker there', args: ['zone'] },
  pressStrait: { name: 'Strait pressure', category: 'china', cost: 3, seats: ['china'], needs: 'Taiwan Crisis below 5', does: 'Taiwan Crisis +1, tension +1; roll + crisis − deterrence(Taiwan): 5+ China margin +1, else internationalization +1', args: [] },
  driveWedge: { name: 'Wedge', category: 'china', cost: 2, seats: ['china'], needs: 'A partner at level 1+ or a port with Western influence', does: 'Roll ≥ 3 + level (South Korea: − exposure): −1 pip, or −1 Western influence', args: ['target'] },
  lambaste: { name: 'Lambaste', category: 'flow', cost: 0, seats: ['china'], needs: 'A Western gain just made', does: 'Cancel 1 point of it; the second and later Lambastes in a turn give internationalization +1', args: [] },
  declineLambaste: { name: 'Let it pass', category: 'flow', cost: 0, seats: ['china'], needs: 'A Western gain just made', does: 'No Lambaste', args: [] },
  chooseOption: { name: 'Choose', category: 'flow', cost: 0, seats: ALL, needs: 'A choice put to you', does: 'Resolve the choice', args: ['option'] },
  proposeArgument: { name: 'Matrix argument', category: 'flow', cost: 2, seats: ALL, needs: 'Free adjudication allowed by the White Cell', does: 'State an action, its intended result and reasons; the White Cell rates it and a die decides', args: ['argument'] },
  pass: { name: 'Pass', category: 'flow', cost: 0, seats: ALL, needs: 'Your round', does: 'End your part of this action round', args: [] },
};
