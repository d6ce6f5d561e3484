/** The game's vocabulary as `as const` arrays: every id in state, content and UI comes from here. */

export const SEATS = ['china', 'nato', 'japan', 'korea'] as const;
/** A playable faction. `korea` is South Korea. Order is the action-round order (docs/DESIGN.md §4). */
export type Seat = (typeof SEATS)[number];
export type BySeat<T> = Record<Seat, T>;
export const WEST: readonly Seat[] = ['nato', 'japan', 'korea'];

/** A role a boardgame.io player may hold: one or more seats, or the White Cell (umpire). */
export type Role = Seat | 'white';

/** Seat variants: how many human-facing players share the four factions. */
export const VARIANTS = [2, 3, 4] as const;
export type Variant = (typeof VARIANTS)[number];

export const SEA_ZONES = [
  'north-atlantic',
  'north-sea-baltic',
  'mediterranean',
  'west-indian-ocean',
  'east-indian-ocean',
  'malacca',
  'south-china-sea',
  'taiwan-strait',
  'east-china-sea',
  'sea-of-japan',
  'western-pacific',
  'southwest-pacific',
  'east-pacific',
] as const;
export const LAND_SPACES = [
  'nato-europe',
  'north-sea-ports',
  'mediterranean-ports',
  'ukraine',
  'russia',
  'india',
  'malaysia-singapore',
  'asean-claimants',
  'taiwan',
  'china',
  'japan',
  'south-korea',
  'north-korea',
  'australia-nz',
  'us-east',
  'us-west',
] as const;
export const SPACES = [...SEA_ZONES, ...LAND_SPACES] as const;
export type SeaZone = (typeof SEA_ZONES)[number];
export type LandSpace = (typeof LAND_SPACES)[number];
export type SpaceId = (typeof SPACES)[number];

export const THEATERS = ['euro-atlantic', 'indian-ocean', 'south-china-sea', 'taiwan-ecs', 'korea'] as const;
export type Theater = (typeof THEATERS)[number];

/** Ports where China and the West compete for influence. */
export const PORTS = ['north-sea-ports', 'mediterranean-ports', 'malaysia-singapore'] as const;
export type Port = (typeof PORTS)[number];

/** The routes of South Korea's shells for Ukraine: through Europe's arsenals (Seoul's 2023 choice), or straight to Kyiv. */
export const SHELL_ROUTES = ['to-kyiv', 'via-europe'] as const;
export type ShellRoute = (typeof SHELL_ROUTES)[number];

/** Indo-Pacific partners with a partnership track (0–4, two pips per level). */
export const PARTNERS = ['japan', 'korea', 'australia-nz', 'india'] as const;
export type Partner = (typeof PARTNERS)[number];

/** Numeric tracks with their ranges (docs/DESIGN.md §3). */
export const TRACKS = {
  tension: [1, 10],
  internationalization: [0, 20],
  cohesion: [0, 10],
  ukraine: [0, 10],
  stockpile: [0, 10],
  taiwanCrisis: [0, 5],
  dprkThreat: [0, 5],
  exposure: [0, 5],
  exports: [0, 10],
  vp: [-20, 20],
} as const;
export type Track = keyof typeof TRACKS;
export const TRACK_IDS = Object.keys(TRACKS) as Track[];

/** Naval unit kinds; who may field them is in the unit catalogue. */
export const UNIT_KINDS = [
  'seventh-fleet',
  'us-csg',
  'uk-csg',
  'uk-opv',
  'french-rotation',
  'german-transit',
  'jmsdf',
  'pla-navy',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Every move of docs/DESIGN.md §5 plus the flow moves (pass, choose, lambaste, decline). */
export const MOVES = [
  // deterrence
  'statement',
  'leaderVisit',
  'exercise',
  'summit',
  // naval deployment
  'deployCarrierGroup',
  'rotateFrenchForces',
  'transit',
  'freedomOfNavigation',
  'buildUpDefence',
  // arms supply
  'shipShells',
  'shellsForUkraine',
  'exportDefence',
  'armPartner',
  // diplomacy and cyber
  'upgradePartnership',
  'consultFutures',
  'consultFpda',
  'screenInvestment',
  'reinforceUnCommand',
  'holdNonproliferationConference',
  'joinCcdcoe',
  'gatherIntelligence',
  // China
  'investInPort',
  'projectBackyardPresence',
  'supportTacitly',
  'sendMaterialAid',
  'pressGrayZone',
  'pressStrait',
  'quarantineTaiwan',
  'driveWedge',
  // reactions and flow
  'lambaste',
  'declineLambaste',
  'chooseOption',
  'pass',
  // matrix-style free adjudication: a seat argues, the White Cell rates, a die decides
  'proposeArgument',
] as const;
export type MoveName = (typeof MOVES)[number];

/** The White Cell's powers: ordinary logged moves, open only to the White Cell player. */
export const WHITE_MOVES = [
  'whiteForceInject',
  'whiteScheduleInject',
  'whiteHoldInject',
  'whiteWriteInject',
  'whiteOverrideTrack',
  'whiteForceRoll',
  'whitePause',
  'whiteResume',
  'whiteRewind',
  'whiteReopenBranch',
  'whiteRequireApproval',
  'whiteDecide',
  'whiteRate',
  'whiteInterpret',
  'whiteSetAdjudication',
] as const;
export type WhiteMoveName = (typeof WHITE_MOVES)[number];
