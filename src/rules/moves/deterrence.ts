/** Deterrence moves: Statement, Leader visit, Exercise, Summit (docs/DESIGN.md §5). */
import { PARTNERS, THEATERS, type Partner, type Seat, type Theater } from '../../content/ids';
import { BALANCE } from '../../content/balance';
import { MOVE_NUMBERS as N } from '../../content/move-numbers';
import type { Effect } from '../../content/effects';
import { addDeterrence, changePips, changeTrack } from '../changes';
import { PARTNER_NAMES } from '../labels';
import { isNextTo, spacesIn } from '../geo';
import type { GameState } from '../state';
import { isUsed, turnFlag, use, type MoveRule } from './rule';

/** Statements and exercises are about the Indo-Pacific: the Euro-Atlantic needs no reassurance here. */
export const DETERRENCE_THEATERS: readonly Theater[] = THEATERS.filter((t) => t !== 'euro-atlantic');

/** A seat's home country counts as its own forces for exercises. */
const HOME: Partial<Record<Seat, string>> = { japan: 'japan', korea: 'south-korea' };

export function hasForcesNear(G: GameState, seat: Seat, theater: Theater): boolean {
  const spaces = spacesIn(theater);
  const own = G.units.filter((u) => u.owner === seat).map((u) => u.space as string);
  const home = HOME[seat];
  if (home) own.push(home);
  return own.some((s) => spaces.some((t) => isNextTo(s as never, t)));
}

/** Partners a seat can work with: known (not untested) and not the seat itself. */
export function partnersOf(G: GameState, seat: Seat, minLevel: number): Partner[] {
  return PARTNERS.filter((p) => p !== seat && (G.partnership[p].level ?? -1) >= minLevel);
}

/** The partners whose leaders a summit invites (Kishida and Yoon at Madrid in 2022). */
const SUMMIT_GUESTS = ['japan', 'korea'] as const;

/** Attending: internationalization and standing with the alliance, against Beijing's displeasure. */
function attendance(p: (typeof SUMMIT_GUESTS)[number]): Effect[] {
  const a = BALANCE.summit.attend;
  return [
    { op: 'track', track: 'internationalization', delta: a.internationalization },
    { op: 'partnership', partner: p, pips: a.pips },
    p === 'korea'
      ? { op: 'track', track: 'exposure', delta: a.koreaExposure }
      : { op: 'track', track: 'tension', delta: a.japanTension },
  ];
}

export const deterrenceMoves = {
  statement: {
    options: (G, seat) =>
      DETERRENCE_THEATERS.filter((t) => !isUsed(G, turnFlag(`statement:${seat}:${t}`))).map((t) => [t]),
    play: (r, seat, [theater]) => {
      use(r.G, turnFlag(`statement:${seat}:${theater as string}`));
      addDeterrence(r, theater as Theater, N.statement.deterrence, 'statement', 'upkeep');
      return [{ op: 'deterrence', theater: theater as Theater, delta: -N.lambaste.cancel, until: 'upkeep' }];
    },
  },
  leaderVisit: {
    options: (G, seat) => {
      if (isUsed(G, turnFlag(`visit:${seat}`))) return [];
      const out: unknown[][] = partnersOf(G, seat, 0).map((p) => [p]);
      if (seat === 'japan') out.push(['kyiv']);
      return out;
    },
    play: (r, seat, [dest]) => {
      use(r.G, turnFlag(`visit:${seat}`));
      if (dest === 'kyiv') {
        changeTrack(r, 'cohesion', N.leaderVisit.kyivCohesion);
        return [{ op: 'track', track: 'cohesion', delta: -N.lambaste.cancel }];
      }
      changePips(r, dest as Partner, N.leaderVisit.pips);
      return [{ op: 'partnership', partner: dest as Partner, pips: -N.lambaste.cancel }];
    },
  },
  exercise: {
    options: (G, seat) => {
      const partners = partnersOf(G, seat, N.exercise.partnerFrom);
      return DETERRENCE_THEATERS.filter(
        (t) => hasForcesNear(G, seat, t) && !isUsed(G, turnFlag(`exercise:${t}`)),
      ).flatMap((t) => partners.map((p) => [t, p]));
    },
    play: (r, _seat, [theater, partner]) => {
      use(r.G, turnFlag(`exercise:${theater as string}`));
      addDeterrence(r, theater as Theater, N.exercise.deterrence, 'exercise', 'summit');
      changePips(r, partner as Partner, N.exercise.pips);
      changeTrack(r, 'tension', N.exercise.tension);
      return [{ op: 'deterrence', theater: theater as Theater, delta: -N.lambaste.cancel, until: 'summit' }];
    },
  },
  summit: {
    options: (G) => {
      const year = Math.ceil(G.turn / 2);
      return !isUsed(G, `summit:${year}`) && G.tracks.cohesion >= N.summit.cohesionFrom ? [[]] : [];
    },
    play: (r) => {
      use(r.G, `summit:${Math.ceil(r.G.turn / 2)}`);
      changeTrack(r, 'internationalization', BALANCE.summit.internationalization);
      changeTrack(r, 'cohesion', N.summit.cohesion);
      changeTrack(r, 'tension', N.summit.tension);
      return [{ op: 'track', track: 'internationalization', delta: -N.lambaste.cancel }];
    },
    // After Beijing's answer, Japan and South Korea (partners at 2+) each decide whether to attend.
    after: (G) =>
      SUMMIT_GUESTS.filter((p) => (G.partnership[p].level ?? 0) >= BALANCE.summit.guestsFrom).map((p) => ({
        op: 'choice',
        seat: p,
        prompt: `The NATO summit invites ${PARTNER_NAMES[p]}'s leader. Attend?`,
        options: [
          { label: 'Attend', effects: attendance(p) },
          { label: 'Stay away', effects: [] },
        ],
      })),
    freeLambaste: () => true,
  },
} satisfies Record<string, MoveRule>;
