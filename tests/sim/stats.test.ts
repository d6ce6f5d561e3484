import { describe, expect, it } from 'vitest';
import { summarize, wilson } from '../../src/sim/stats';
import { signature } from '../../src/sim/measures';
import { END, record, tracks, zero } from './records';

describe('wilson', () => {
  // Reference values (Wilson score interval, z = 1.96), to 4 decimals.
  it.each([
    [0, 10, 0.0, 0.2775],
    [1, 10, 0.0179, 0.4042],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1.0],
    [50, 100, 0.4038, 0.5962],
    [81, 263, 0.2553, 0.3662],
    [2500, 10000, 0.2416, 0.2586],
  ])('%i of %i → [%f, %f]', (k, n, lo, hi) => {
    const [a, b] = wilson(k, n);
    expect(a).toBeCloseTo(lo, 4);
    expect(b).toBeCloseTo(hi, 4);
  });

  it('is [0, 1] with no games and rejects impossible counts', () => {
    expect(wilson(0, 0)).toEqual([0, 1]);
    expect(() => wilson(3, 2)).toThrow(/k <= n/);
    expect(() => wilson(-1, 2)).toThrow();
    expect(() => wilson(0.5, 2)).toThrow();
  });
});

describe('summarize', () => {
  const header = {
    scenario: 'x',
    variant: 4 as const,
    seed: 'lab',
    bots: { china: 'random:1', nato: 'random:1', japan: 'random:1', korea: 'random:1' },
  };
  it('counts wins, war share, AP share and track means', () => {
    const s = summarize(header, [
      record({}),
      record({
        winner: 'nato',
        ending: 'war',
        culprit: 'china',
        turns: 4,
        apByMove: { shipShells: 8 },
        tracks: [tracks(8), tracks(10)],
      }),
      record({ winner: null }),
    ]);
    expect(s.games).toBe(3);
    expect(s.seats.china!.wins).toBe(1);
    expect(s.seats.nato!.wins).toBe(1);
    expect(s.seats.japan!.wins).toBe(0);
    expect(s.seats.china!.winRate).toBeCloseTo(1 / 3);
    expect(s.seats.china!.ci95).toEqual(wilson(1, 3));
    expect(s.seats.korea!.meanMargin).toBe(-3);
    expect(s.draws).toBe(1);
    expect(s.warRate).toBeCloseTo(1 / 3);
    expect(s.endings).toEqual({ war: 1, 'sudden-death': 0, 'final-summit': 2 });
    expect(s.meanTurns).toBeCloseTo(20 / 3);
    expect(s.apTotal).toBe(24);
    expect(s.moveShare).toEqual({ shipShells: 12 / 24, pressGrayZone: 12 / 24 });
    // turn 1 mean over 3 games, turn 2 only over the two that reached it (final snapshots excluded)
    expect(s.tracksByTurn.tension).toEqual([(4 + 8 + 4) / 3, 6]);
  });

  it('reports per-seat AP, tension per seat and turn, culprits and causes, firing rates and end states', () => {
    const t = (china: number, nato: number) => ({ ...zero, china, nato });
    const s = summarize(header, [
      record({
        tensionAdded: t(3, 1),
        tensionByTurn: [t(1, 1), t(2, 0)],
        fired: { 'quarantine-at-crisis-5': 2, 'japan-bases-essential': 0, 'ukraine-signal': 1 },
      }),
      record({
        ending: 'war',
        culprit: 'china',
        cause: 'seat',
        tensionAdded: t(1, 0),
        tensionByTurn: [t(1, 0)],
        fired: { 'quarantine-at-crisis-5': 0, 'japan-bases-essential': 1 },
        apBySeat: { china: { pressGrayZone: 2, investInPort: 6 }, nato: {}, japan: {}, korea: {} },
        endState: { ...END, ukraine: 'failing', taiwanCrisis: 5, theaters: { ...END.theaters, korea: 'china' } },
      }),
      record({ ending: 'war', cause: 'north-korea' }),
      record({}),
    ]);
    expect(s.moveShareBySeat.china).toEqual({ pressGrayZone: 20 / 26, investInPort: 6 / 26 });
    expect(s.moveShareBySeat.japan).toEqual({});
    expect(s.tension.china).toEqual({ meanPerGame: 1, gamesAdding: 0.5, byTurn: [0.5, 2 / 3] });
    expect(s.tension.nato.meanPerGame).toBe(0.25);
    expect(s.wars).toEqual({
      count: 2,
      withCulprit: 1,
      ownAction: 1,
      byCulprit: { china: 1, none: 1 },
      byCause: { 'north-korea': 1, seat: 1 },
    });
    // A rule is counted over the games it was in force in (the last two records had none).
    expect(s.fired['quarantine-at-crisis-5']).toMatchObject({ games: 1, share: 0.5, meanPerGame: 1 });
    expect(s.fired['japan-bases-essential']).toMatchObject({ games: 1, share: 0.5, meanPerGame: 0.5 });
    // A mechanism that is not a scenario special counts over every game.
    expect(s.fired['ukraine-signal']).toMatchObject({ games: 1, share: 0.25, meanPerGame: 0.25 });
    const e = s.endStates;
    expect(e.ukraine).toEqual({ failing: 0.25, middling: 0, holding: 0.75 });
    expect(e.theaters.korea).toEqual({ west: 0.75, china: 0.25, even: 0 });
    expect(e.taiwanCrisis.mean).toBe(3.5);
    expect(e.taiwanCrisis.shares[5]).toBeCloseTo(0.25);
    expect(e.distinct).toBe(2);
    expect(e.top[0]).toEqual({ signature: signature(END), share: 0.75 });
  });

  it('2-seat variant reports China and the West only', () => {
    const s = summarize({ ...header, variant: 2 }, [record({})]);
    expect(Object.keys(s.seats)).toEqual(['china', 'nato']);
  });
});
