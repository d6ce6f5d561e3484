/** Naval deployment: carrier groups, French rotation, German transit, FONOPs, Japan's build-up. */
import { type SeaZone, type Seat, type UnitKind } from '../../content/ids';
import { changeGrayZone, changeMargin, changeTrack, special } from '../changes';
import type { Resolution } from '../context';
import { d6 } from '../dice';
import { resolveInject } from '../turn-order';
import { named } from '../labels';
import { INDO_PACIFIC, seaZonesIn, theaterOfSpace, zonesWithin } from '../geo';
import { seaDistance } from '../../content/map';
import type { GameState, Unit } from '../state';
import { eastOfSuez } from '../fronts';
import { isUsed, turnFlag, use, type MoveRule } from './rule';
import { MOVE_NUMBERS as N } from '../../content/move-numbers';
import { RULE_NUMBERS } from '../../content/rule-numbers';

const HOME_ENTRY: Record<'us-csg' | 'uk-csg', SeaZone[]> = {
  'us-csg': ['east-pacific', 'north-atlantic'],
  'uk-csg': ['north-atlantic', 'north-sea-baltic', 'mediterranean'],
};
const CSG_PRESENCE = { 'us-csg': N.deployCarrierGroup.usPresence, 'uk-csg': N.deployCarrierGroup.ukPresence } as const;

export function placeUnit(
  r: Resolution,
  kind: UnitKind,
  owner: Seat,
  space: SeaZone,
  presence: number,
  turns: number | null,
): Unit {
  const unit: Unit = {
    id: `u${r.G.nextId++}`,
    kind,
    owner,
    space,
    presence,
    leavesAfterTurn: turns === null ? null : r.G.turn + turns - 1,
  };
  r.G.units.push(unit);
  r.notes.push(`${named(kind)} to ${named(space)}`);
  return unit;
}

const count = (G: GameState, kind: UnitKind) => G.units.filter((u) => u.kind === kind).length;

/** Where a carrier group of `kind` may go now: on the map it sails its reach; off it enters from a home port. */
export function carrierDestinations(G: GameState, kind: 'us-csg' | 'uk-csg'): SeaZone[] {
  const unit = G.units.find((u) => u.kind === kind);
  const usHomePort = kind === 'us-csg';
  if (unit)
    return zonesWithin([unit.space], N.deployCarrierGroup.reach, { usHomePort }).filter((z) => z !== unit.space);
  if (kind === 'uk-csg' && isUsed(G, 'uk-csg')) return [];
  return zonesWithin(HOME_ENTRY[kind], N.deployCarrierGroup.reach, { entry: 1, usHomePort });
}

/** Japan sails a FONOP as a transit, not a challenge (its caution about escalation): it risks no incident at sea. */
export const fonopIsTransit = (seat: Seat): boolean => seat === 'japan';

/**
 * The ships a FONOP in `zone` sails with: any Western seat's there (allies share the escort), and for
 * Japan its own destroyers within reach, as the JMSDF sails the Strait and the South China Sea from home waters.
 */
export function fonopEscort(G: GameState, seat: Seat, zone: SeaZone): Unit[] {
  const reach = (u: Unit) =>
    seat === 'japan' && u.owner === 'japan' && seaDistance(u.space, zone) <= N.freedomOfNavigation.japanReach;
  return G.units.filter((u) => u.owner !== 'china' && (u.space === zone || reach(u)));
}

/** Theaters where a carrier's arrival is an answer to China's pressure, and raises tension. */
const CONTESTED: readonly string[] = ['south-china-sea', 'taiwan-ecs'];

/** A NATO unit arriving east of Suez: overreach while the front fails; a carrier in contested waters raises tension. */
function arriveEast(r: Resolution, seat: Seat, zone: SeaZone, carrier: boolean): void {
  const t = theaterOfSpace(zone);
  if (!t || !INDO_PACIFIC.includes(t)) return;
  eastOfSuez(r, seat);
  if (carrier && CONTESTED.includes(t)) changeTrack(r, 'tension', N.deployCarrierGroup.contestedTension);
}

export const navalMoves = {
  deployCarrierGroup: {
    options: (G) => (['us-csg', 'uk-csg'] as const).flatMap((k) => carrierDestinations(G, k).map((z) => [k, z])),
    play: (r, seat, [kind, zone]) => {
      const k = kind as 'us-csg' | 'uk-csg';
      const unit = r.G.units.find((u) => u.kind === k);
      const from = unit ? theaterOfSpace(unit.space) : null;
      if (unit) {
        r.notes.push(`${named(k)} sails ${named(unit.space)} → ${named(zone)}`);
        unit.space = zone as SeaZone;
      } else {
        if (k === 'uk-csg') use(r.G, 'uk-csg');
        placeUnit(r, k, 'nato', zone as SeaZone, CSG_PRESENCE[k], N.deployCarrierGroup.turns);
      }
      if (from !== theaterOfSpace(zone as SeaZone)) arriveEast(r, seat, zone as SeaZone, true);
    },
  },
  rotateFrenchForces: {
    options: (G) =>
      count(G, 'french-rotation') >= N.rotateFrenchForces.atMost ? [] : seaZonesIn(['indian-ocean']).map((z) => [z]),
    play: (r, seat, [zone]) => {
      placeUnit(
        r,
        'french-rotation',
        'nato',
        zone as SeaZone,
        N.rotateFrenchForces.presence,
        N.rotateFrenchForces.turns,
      );
      arriveEast(r, seat, zone as SeaZone, false);
    },
  },
  transit: {
    options: (G) =>
      isUsed(G, turnFlag('transit'))
        ? []
        : zonesWithin(['north-atlantic', 'mediterranean'], N.transit.reach, { entry: 1 }).map((z) => [z]),
    play: (r, seat, [zone]) => {
      use(r.G, turnFlag('transit'));
      placeUnit(r, 'german-transit', 'nato', zone as SeaZone, N.transit.presence, N.transit.turns);
      arriveEast(r, seat, zone as SeaZone, false);
      const t = theaterOfSpace(zone as string);
      if (t && INDO_PACIFIC.includes(t) && changeTrack(r, 'internationalization', N.transit.internationalization) > 0)
        return [{ op: 'track', track: 'internationalization', delta: -N.lambaste.cancel }];
    },
  },
  freedomOfNavigation: {
    options: (G, seat) =>
      (['south-china-sea', 'taiwan-strait'] as const).filter((z) => fonopEscort(G, seat, z).length > 0).map((z) => [z]),
    play: (r, seat, [zone]) => {
      const z = zone as SeaZone;
      const face = d6(r.dice);
      r.rolls.push(face);
      const presence = fonopEscort(r.G, seat, z).reduce((a, u) => a + u.presence, 0);
      const total = face + r.G.handicap[seat].roll + presence - (r.G.grayZone[z] ?? 0);
      r.notes.push(`FONOP roll ${face} → ${total}`);
      changeTrack(r, 'tension', N.freedomOfNavigation.tension);
      // North Korea's missiles overfly Japan: destroyers sailing as far as the South China Sea leave missile defence.
      if (fonopIsTransit(seat) && z === 'south-china-sea' && special(r.G, 'dprk-threatens-japan'))
        changeMargin(r, seat, -RULE_NUMBERS.dprkOverJapan.fonop);
      if (!fonopIsTransit(seat) && face === N.freedomOfNavigation.incidentFace) {
        r.notes.push('an incident at sea');
        changeTrack(r, 'tension', N.freedomOfNavigation.incidentTension);
        const card = r.G.incidentDeck.shift();
        if (card) {
          r.G.incidentDeck.push(card);
          resolveInject(r, card);
        }
        return;
      }
      if (total >= N.freedomOfNavigation.target) {
        changeGrayZone(r, z, -N.freedomOfNavigation.grayZone);
        if (changeTrack(r, 'internationalization', N.freedomOfNavigation.internationalization) > 0)
          return [{ op: 'track', track: 'internationalization', delta: -N.lambaste.cancel }];
      }
    },
  },
  buildUpDefence: {
    options: (G) =>
      count(G, 'jmsdf') >= N.buildUpDefence.atMost ? [] : (['east-china-sea', 'sea-of-japan'] as const).map((z) => [z]),
    play: (r, _seat, [zone]) => {
      placeUnit(r, 'jmsdf', 'japan', zone as SeaZone, N.buildUpDefence.presence, null);
    },
  },
} satisfies Record<string, MoveRule>;
