/** Japan's FONOP as a transit from its own waters, and Intelligence's reveal, on a die fixed to one face. */
import { describe, expect, it } from 'vitest';
import type { Seat } from '../../src/content/ids';
import { MOVE_NUMBERS as N } from '../../src/content/move-numbers';
import { applyAction, legalMoves } from '../../src/rules/engine';
import type { Dice } from '../../src/rules/dice';
import type { GameState, Unit } from '../../src/rules/state';
import { newMatch } from './helpers';

/** A die that always shows `face`. */
const die = (face: number): Dice => ({ number: () => (face - 0.5) / 6 });

function at(seat: Seat, units: Partial<Unit>[], prepare?: (G: GameState) => void): GameState {
  const { G } = newMatch('baseline-2023', 4, 'fonop');
  G.pending = null;
  G.active = seat;
  G.ap[seat] = 4;
  G.tracks.tension = 3;
  G.grayZone = { 'taiwan-strait': 1, 'south-china-sea': 1 };
  for (const [i, u] of units.entries())
    G.units.push({ id: `t${i}`, kind: 'jmsdf', owner: 'japan', presence: 1, leavesAfterTurn: null, ...u } as Unit);
  prepare?.(G);
  return G;
}

const fonopZones = (G: GameState, seat: Seat) =>
  legalMoves(G, seat)
    .filter((a) => a.move === 'freedomOfNavigation')
    .map((a) => a.args[0]);

describe('FONOP escort', () => {
  it.each([
    [
      'a Japanese destroyer in the East China Sea reaches both zones',
      'japan',
      'east-china-sea',
      ['south-china-sea', 'taiwan-strait'],
    ],
    [
      'from the Sea of Japan it reaches the Strait, not the South China Sea',
      'japan',
      'sea-of-japan',
      ['taiwan-strait'],
    ],
    ['NATO does not sail with a Japanese destroyer next door', 'nato', 'east-china-sea', []],
  ] as const)('%s', (_label, seat, space, zones) => {
    expect(fonopZones(at(seat, [{ space }]), seat)).toEqual(zones);
  });

  it(`Japan's reach is ${N.freedomOfNavigation.japanReach} sea zones`, () => {
    expect(N.freedomOfNavigation.japanReach).toBe(2);
  });
});

describe('FONOP: Japan sails a transit, NATO a challenge', () => {
  const usCsg: Partial<Unit> = { kind: 'us-csg', owner: 'nato', space: 'taiwan-strait', presence: 3 };
  it.each([
    // seat, die, escort, tension added, gray-zone markers left in the Strait, incident card drawn
    ['Japan rolls a 1: tension +1, no incident', 'japan', 1, [{ space: 'east-china-sea' }], 1, 1, false],
    ['Japan rolls a 6 from next door: the marker goes', 'japan', 6, [{ space: 'east-china-sea' }], 1, 0, false],
    [
      'Japan rolls a 3 with one destroyer against one marker: it stays',
      'japan',
      3,
      [{ space: 'east-china-sea' }],
      1,
      1,
      false,
    ],
    ['NATO rolls a 1: an incident, tension +3 or more', 'nato', 1, [usCsg], 3, 1, true],
    ['NATO rolls a 6: the marker goes', 'nato', 6, [usCsg], 1, 0, false],
  ] as const)('%s', (_label, seat, face, units, tension, left, incident) => {
    const G = at(seat, [...units]);
    const deck = [...G.incidentDeck];
    expect(applyAction(G, seat, { move: 'freedomOfNavigation', args: ['taiwan-strait'] }, die(face))).toBe(true);
    // The incident's inject may add tension of its own.
    if (incident) expect(G.tracks.tension).toBeGreaterThanOrEqual(3 + tension);
    else expect(G.tracks.tension).toBe(3 + tension);
    expect(G.grayZone['taiwan-strait'] ?? 0).toBe(left);
    expect(G.incidentDeck[0] !== deck[0]).toBe(incident);
  });
});

describe('Intelligence', () => {
  it.each([
    ['a 6 exposes hidden aid and the world reacts', 6, true],
    ['a 4 finds nothing', 4, false],
  ] as const)('%s', (_label, face, found) => {
    const G = at('japan', [], (g) => (g.aid = [{ id: 'a1', revealed: false }]));
    const before = structuredClone(G);
    expect(applyAction(G, 'japan', { move: 'gatherIntelligence', args: [] }, die(face))).toBe(true);
    const world = N.sendMaterialAid.revealed;
    expect(G.aid[0]!.revealed).toBe(found);
    expect(G.tracks.tension).toBe(before.tracks.tension + (found ? world.tension : 0));
    expect(G.tracks.cohesion).toBe(before.tracks.cohesion + (found ? world.cohesion : 0));
    expect(G.marginBonus.china).toBe(before.marginBonus.china - (found ? world.chinaMargin : 0));
  });
});
