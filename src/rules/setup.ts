/** Build the starting state from a parsed scenario, a seat variant and the dice. */
import { PARTNERS, PORTS, TRACKS, type BySeat, type Role, type Seat, type Variant } from '../content/ids';
import { INJECTS } from '../content/injects';
import { prioritiesFor } from '../content/priorities';
import type { Scenario } from '../content/schemas';
import { PLAYERS_BY_VARIANT, UNIT_TYPES } from '../content/seats';
import { resolution } from './context';
import { pick, shuffle, type Dice } from './dice';
import { advance, startTurn } from './turn-order';
import type { GameState, HandicapInput } from './state';
import { newWhiteCell } from './white-cell';

export interface SetupOptions {
  variant: Variant;
  /** Add a White Cell player (the last playerID). */
  whiteCell?: boolean;
  /** Per-seat extra action points and roll modifiers (difficulty). */
  handicap?: HandicapInput;
}

/** A value for every seat. */
export const bySeat = <T>(f: (s: Seat) => T): BySeat<T> => ({
  china: f('china'),
  nato: f('nato'),
  japan: f('japan'),
  korea: f('korea'),
});

/** Which roles each boardgame.io playerID holds in a variant. */
/** Two-seat: the West's head start on the victory-point track (its strongest seat's) minus China's. */
function sideHeadStart(h: HandicapInput | undefined): number {
  const m = (seat: Seat) => h?.[seat]?.margin ?? 0;
  return Math.max(m('nato'), m('japan'), m('korea')) - m('china');
}

export function playersFor(variant: Variant, whiteCell = false): Record<string, Role[]> {
  const groups: Role[][] = PLAYERS_BY_VARIANT[variant].map((g) => [...g]);
  if (whiteCell) groups.push(['white']);
  return Object.fromEntries(groups.map((roles, i) => [String(i), roles]));
}

export function setupState(scenario: Scenario, options: SetupOptions, dice: Dice): GameState {
  const s = scenario;
  const clampTrack = (k: keyof typeof TRACKS, v: number) => Math.min(TRACKS[k][1], Math.max(TRACKS[k][0], v));
  const first = s.firstInjects;
  const main = INJECTS.filter((c) => c.deck === 'main' && !first.includes(c.id)).map((c) => c.id);
  const incidents = INJECTS.filter((c) => c.deck === 'incident').map((c) => c.id);
  const G: GameState = {
    scenario: s.id,
    variant: options.variant,
    players: playersFor(options.variant, options.whiteCell),
    turn: 1,
    lastTurn: s.turns,
    round: 1,
    phase: 'action',
    active: 'china',
    ap: bySeat(() => 0),
    handicap: bySeat((seat) => ({
      ap: options.handicap?.[seat]?.ap ?? 0,
      roll: options.handicap?.[seat]?.roll ?? 0,
      margin: options.handicap?.[seat]?.margin ?? 0,
    })),
    passed: bySeat(() => false),
    tracks: {
      tension: clampTrack('tension', s.tracks.tension),
      internationalization: clampTrack('internationalization', s.tracks.internationalization),
      cohesion: clampTrack('cohesion', s.tracks.cohesion),
      ukraine: clampTrack('ukraine', s.tracks.ukraine),
      stockpile: clampTrack('stockpile', s.tracks.stockpile),
      taiwanCrisis: clampTrack('taiwanCrisis', s.tracks.taiwanCrisis),
      dprkThreat: clampTrack('dprkThreat', s.tracks.dprkThreat),
      exposure: clampTrack('exposure', s.tracks.exposure),
      exports: 0,
      vp: options.variant === 2 ? clampTrack('vp', s.tracks.vp + sideHeadStart(options.handicap)) : 0,
    },
    partnership: Object.fromEntries(
      PARTNERS.map((p) => [
        p,
        { level: s.partnership[p] === 'untested' ? null : (s.partnership[p] as number), pips: 0 },
      ]),
    ) as GameState['partnership'],
    units: [],
    grayZone: {},
    faitAccompli: {},
    deterrence: [],
    influence: Object.fromEntries(PORTS.map((p) => [p, { china: 0, west: 0 }])) as GameState['influence'],
    aid: [],
    tacitSupport: 0,
    cyberShield: false,
    lambastes: 0,
    used: {},
    deck: [...first, ...shuffle(dice, main)],
    incidentDeck: shuffle(dice, incidents),
    discard: [],
    priority: bySeat((seat) => pick(dice, prioritiesFor(seat)).id),
    tensionAdded: bySeat(() => 0),
    tensionByTurn: [],
    tensionLatest: [],
    fired: {},
    // A bot level's head start on the score (docs/BALANCE.md, History).
    marginBonus: bySeat((seat) => options.handicap?.[seat]?.margin ?? 0),
    pending: null,
    posture: s.chinaPosture,
    specials: [...s.specials],
    nextId: 1,
    log: [],
    result: null,
    white: options.whiteCell ? newWhiteCell() : null,
  };
  for (const u of s.units) {
    const type = UNIT_TYPES[u.kind];
    G.units.push({
      id: `u${G.nextId++}`,
      kind: u.kind,
      owner: type.owner,
      space: u.space,
      presence: type.presence,
      leavesAfterTurn: u.turns ?? null,
    });
    if (u.kind === 'uk-csg') G.used['uk-csg'] = true;
  }
  for (const g of s.grayZone) G.grayZone[g.space] = g.count;
  for (const i of s.influence) G.influence[i.port] = { china: i.china, west: i.west };
  for (const d of s.deterrence)
    G.deterrence.push({
      id: `d${G.nextId++}`,
      theater: d.theater,
      value: d.value,
      source: d.source,
      until: 'permanent',
    });
  const r = resolution(G, null, dice);
  startTurn(r);
  advance(r);
  return G;
}
