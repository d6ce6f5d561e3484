/** A hand-made mid-game GameState (2023 Baseline, turn 3) for presenter and renderer tests. */
import type { GameState } from '../../src/rules/state';

export function fixtureState(): GameState {
  return {
    scenario: 'baseline-2023',
    variant: 4,
    players: { '0': ['china'], '1': ['nato'], '2': ['japan'], '3': ['korea'] },
    turn: 3,
    lastTurn: 8,
    round: 1,
    phase: 'action',
    active: 'nato',
    ap: { china: 1, nato: 3, japan: 2, korea: 2 },
    handicap: { china: { ap: 0, roll: 0 }, nato: { ap: 0, roll: 0 }, japan: { ap: 0, roll: 0 }, korea: { ap: 0, roll: 0 } },
    passed: { china: false, nato: false, japan: false, korea: false },
    tracks: { tension: 8, internationalization: 9, cohesion: 7, ukraine: 5, stockpile: 4, taiwanCrisis: 2, dprkThreat: 3, exposure: 2, exports: 1, vp: 0 },
    partnership: { japan: { level: 3, pips: 1 }, korea: { level: 2, pips: 0 }, 'australia-nz': { level: 2, pips: 0 }, india: { level: null, pips: 0 } },
    units: [
      { id: 'u1', kind: 'seventh-fleet', owner: 'nato', space: 'western-pacific', presence: 2, leavesAfterTurn: null },
      { id: 'u2', kind: 'uk-opv', owner: 'nato', space: 'southwest-pacific', presence: 1, leavesAfterTurn: null },
      { id: 'u3', kind: 'french-rotation', owner: 'nato', space: 'west-indian-ocean', presence: 1, leavesAfterTurn: 4 },
      { id: 'u4', kind: 'us-csg', owner: 'nato', space: 'south-china-sea', presence: 3, leavesAfterTurn: 4 },
      { id: 'u5', kind: 'jmsdf', owner: 'japan', space: 'east-china-sea', presence: 1, leavesAfterTurn: null },
      { id: 'u6', kind: 'jmsdf', owner: 'japan', space: 'east-china-sea', presence: 1, leavesAfterTurn: null },
      { id: 'u7', kind: 'pla-navy', owner: 'china', space: 'mediterranean', presence: 1, leavesAfterTurn: null },
    ],
    grayZone: { 'south-china-sea': 2, 'east-china-sea': 1, 'taiwan-strait': 1 },
    faitAccompli: { 'south-china-sea': 1 },
    deterrence: [
      { id: 'd1', theater: 'korea', value: 1, source: 'UN Command', until: 'summit' },
      { id: 'd2', theater: 'taiwan-ecs', value: 2, source: 'Exercise (Japan)', until: 'summit' },
    ],
    influence: { 'north-sea-ports': { china: 1, west: 2 }, 'mediterranean-ports': { china: 3, west: 1 }, 'malaysia-singapore': { china: 1, west: 1 } },
    aid: [
      { id: 'a1', revealed: false },
      { id: 'a2', revealed: true },
    ],
    tacitSupport: 0,
    cyberShield: false,
    lambastes: 0,
    used: {},
    deck: ['inject-secret-1', 'inject-secret-2'],
    incidentDeck: ['incident-1'],
    discard: ['sg-visits-seoul-tokyo'],
    priority: { china: 'china-two-ports', nato: 'nato-ukraine-6', japan: 'japan-partnership-4', korea: 'korea-exports-4' },
    tensionAdded: { china: 1, nato: 1, japan: 0, korea: 0 },
    marginBonus: { china: 1, nato: 0, japan: 0, korea: 0 },
    pending: null,
    specials: [],
    nextId: 20,
    log: [
      { turn: 3, round: 1, seat: null, kind: 'inject', text: 'Inject: a missile test over the Sea of Japan.' },
      { turn: 3, round: 1, seat: 'china', kind: 'move', text: 'China: gray-zone pressure in the Taiwan Strait.' },
      { turn: 3, round: 1, seat: 'china', kind: 'move', text: 'China: material aid to Russia (hidden).', visibleTo: ['china', 'white'] },
    ],
    result: null,
  };
}
