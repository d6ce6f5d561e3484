/** The four seats, the non-player actors, the seat variants and the naval unit catalogue. */
import type { Seat, UnitKind, Variant } from './ids';
import { MOVE_NUMBERS } from './move-numbers';
import { RULE_NUMBERS } from './rule-numbers';

export type SeatShape = 'circle' | 'square' | 'diamond' | 'triangle';

export interface SeatStyle {
  /** Name shown to players. */
  name: string;
  /** Okabe–Ito colour (colour-blind safe) as 0xRRGGBB, for Phaser. */
  colour: number;
  /** The same colour as a CSS hex string, for DOM panels. */
  css: string;
  /** One letter drawn on the seat's pieces, so colour is never the only cue. */
  glyph: string;
  /** Piece shape, a second non-colour cue. */
  shape: SeatShape;
}

/** Okabe–Ito palette: vermillion, blue, reddish purple, bluish green — distinguishable under the common colour-vision deficiencies. */
export const SEAT_STYLE: Record<Seat, SeatStyle> = {
  china: { name: 'China', colour: 0xd55e00, css: '#d55e00', glyph: 'C', shape: 'diamond' },
  nato: { name: 'NATO', colour: 0x0072b2, css: '#0072b2', glyph: 'N', shape: 'circle' },
  japan: { name: 'Japan', colour: 0xcc79a7, css: '#cc79a7', glyph: 'J', shape: 'square' },
  korea: { name: 'South Korea', colour: 0x009e73, css: '#009e73', glyph: 'K', shape: 'triangle' },
};

export const SEAT_NAMES: Record<Seat, string> = {
  china: SEAT_STYLE.china.name,
  nato: SEAT_STYLE.nato.name,
  japan: SEAT_STYLE.japan.name,
  korea: SEAT_STYLE.korea.name,
};

/** What each seat wants, in one line (docs/DESIGN.md §1). */
export const SEAT_AIMS: Record<Seat, string> = {
  china:
    'Keep others out of its quarrels, change the status quo below the threshold of war, win port influence in Europe.',
  nato: 'Keep Ukraine supplied and the alliance cohesive; internationalize deterrence without overextending.',
  japan: 'A NATO that cares about Asia; deterrence in the East China Sea and the Taiwan Strait.',
  korea: 'Deter North Korea, grow defence exports, avoid Chinese economic retaliation.',
};

/** Actors no player commands: they act from tables at upkeep or through partnership tracks. */
export const NON_PLAYER_ACTORS = [
  { id: 'russia', name: 'Russia', description: 'Grinds the Ukraine front each upkeep from the Russia table.' },
  {
    id: 'north-korea',
    name: 'North Korea',
    description: 'Tests missiles and nuclear devices from the North Korea table; drives the DPRK Threat track.',
  },
  {
    id: 'taiwan',
    name: 'Taiwan',
    description: 'The prize of the Taiwan Crisis track; receives Western arms until a quarantine at Crisis 5.',
  },
  {
    id: 'india',
    name: 'India',
    description: 'Wedded to nonalignment: its partnership is untested until a partnership roll reveals it.',
  },
  {
    id: 'australia-nz',
    name: 'Australia and New Zealand',
    description: 'Indo-Pacific partners of NATO with their own partnership track; FPDA members since 1971.',
  },
  {
    id: 'malaysia-singapore',
    name: 'Malaysia and Singapore',
    description: 'FPDA members and a contested port where China and the West compete for influence.',
  },
  {
    id: 'asean-claimants',
    name: 'ASEAN claimants',
    description:
      'Vietnam, the Philippines and the other South China Sea claimants, pressed by China’s gray-zone tactics.',
  },
] as const;
export type NonPlayerActor = (typeof NON_PLAYER_ACTORS)[number]['id'];

/** Which seats each boardgame.io player commands, per seat variant (players '0', '1', …). */
export const PLAYERS_BY_VARIANT: Record<Variant, Seat[][]> = {
  4: [['china'], ['nato'], ['japan'], ['korea']],
  3: [['china'], ['nato'], ['japan', 'korea']],
  2: [['china'], ['nato', 'japan', 'korea']],
};

export interface UnitType {
  name: string;
  owner: Seat;
  /** Naval presence the unit adds to its theater's deterrence (China's units add none to Western deterrence). */
  presence: number;
}

const N = MOVE_NUMBERS;
/** Every unit type; a deployed unit's presence is its move's (MOVE_NUMBERS), so a scenario's starting units match. */
export const UNIT_TYPES: Record<UnitKind, UnitType> = {
  'seventh-fleet': { name: 'US Seventh Fleet', owner: 'nato', presence: RULE_NUMBERS.seventhFleetPresence },
  'us-csg': { name: 'US carrier strike group', owner: 'nato', presence: N.deployCarrierGroup.usPresence },
  'uk-csg': { name: 'UK carrier strike group', owner: 'nato', presence: N.deployCarrierGroup.ukPresence },
  'uk-opv': { name: 'UK offshore patrol vessels', owner: 'nato', presence: RULE_NUMBERS.ukOpvPresence },
  'french-rotation': { name: 'French rotation', owner: 'nato', presence: N.rotateFrenchForces.presence },
  'german-transit': { name: 'German transit', owner: 'nato', presence: N.transit.presence },
  jmsdf: { name: 'Japan Maritime Self-Defense Force', owner: 'japan', presence: N.buildUpDefence.presence },
  'pla-navy': { name: 'PLA Navy group', owner: 'china', presence: N.projectBackyardPresence.presence },
};
