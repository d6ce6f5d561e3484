/**
 * Policy probes' one-track policies, by seat (`--bots seat=probe:NAME`; the bot is src/ai/probe.ts):
 * each names the only moves the probe makes while one of them is legal and war-safe.
 */
import { THEATERS, type MoveName, type Seat, type Theater } from './ids';

export interface Probe {
  /** What the policy is, in a player's words. */
  label: string;
  moves: readonly MoveName[];
  /** Where a policy is about one theater, its moves that name a theater (statements, exercises) must name this one. */
  theater?: Theater;
}

/** Each seat's one-track policies, by the name `--bots seat=probe:NAME` uses. */
export const PROBES: Record<Seat, Record<string, Probe>> = {
  nato: {
    ukraine: { label: 'all-in on Ukraine', moves: ['shipShells'] },
    'indo-pacific': {
      label: 'all-in on the Indo-Pacific',
      moves: [
        'deployCarrierGroup',
        'transit',
        'freedomOfNavigation',
        'rotateFrenchForces',
        'armPartner',
        'consultFutures',
        'consultFpda',
      ],
    },
    summitry: { label: 'summits and statements only', moves: ['summit', 'statement', 'leaderVisit'] },
    europe: { label: 'Europe at home only', moves: ['screenInvestment', 'joinCcdcoe', 'shipShells'] },
  },
  china: {
    'gray-zone': { label: 'all gray zone', moves: ['pressGrayZone', 'pressStrait'] },
    ports: { label: 'all ports', moves: ['investInPort'] },
    axis: { label: 'all axis with Russia', moves: ['supportTacitly', 'sendMaterialAid'] },
    backyard: { label: 'all Backyard presence', moves: ['projectBackyardPresence'] },
    wedge: { label: 'all Wedge', moves: ['driveWedge'] },
  },
  japan: {
    'build-up': { label: 'all defence build-up', moves: ['buildUpDefence'] },
    partnership: { label: 'all partnership', moves: ['upgradePartnership'] },
    exercises: { label: 'all exercises and visits', moves: ['exercise', 'leaderVisit', 'statement'] },
    fonop: { label: 'all freedom of navigation', moves: ['freedomOfNavigation'] },
  },
  korea: {
    ukraine: { label: 'all arms to Ukraine', moves: ['shellsForUkraine'] },
    exports: { label: 'all defence exports', moves: ['exportDefence'] },
    // Everything Seoul can aim at the North: the peninsula's moves, and its statements and exercises there.
    north: {
      label: 'all North Korea',
      moves: ['holdNonproliferationConference', 'reinforceUnCommand', 'statement', 'exercise'],
      theater: 'korea',
    },
    partnership: { label: 'all partnership', moves: ['upgradePartnership'] },
  },
};

/** The probe names a seat has, for error messages and help. */
export const probeNames = (seat: Seat): string[] => Object.keys(PROBES[seat]);

export function probeFor(seat: Seat, name: string): Probe | undefined {
  return Object.hasOwn(PROBES[seat], name) ? PROBES[seat][name] : undefined;
}

const THEATER_IDS: readonly unknown[] = THEATERS;

/** Whether a move is on the policy's track: one of its moves, in its theater when the move names one. */
export function onTrack(probe: Probe, move: MoveName, args: readonly unknown[]): boolean {
  if (!probe.moves.includes(move)) return false;
  if (!probe.theater) return true;
  const theater = args.find((a) => THEATER_IDS.includes(a));
  return theater === undefined || theater === probe.theater;
}
