import { describe, expect, it } from 'vitest';
import { summarize, wilson } from '../../src/sim/stats';
import type { GameRecord } from '../../src/sim/record';
import { TRACK_IDS, type Track } from '../../src/content/ids';

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

const tracks = (tension: number) =>
  Object.fromEntries(TRACK_IDS.map((t) => [t, t === 'tension' ? tension : 0])) as Record<Track, number>;
const record = (over: Partial<GameRecord>): GameRecord => ({
  seed: 's',
  scenario: 'x',
  variant: 4,
  winner: 'china',
  ending: 'final-summit',
  culprit: null,
  margins: { china: 2, nato: 0, japan: -1, korea: -3 },
  turns: 8,
  actions: 40,
  apByMove: { pressGrayZone: 6, shipShells: 2 },
  tracks: [tracks(4), tracks(6), tracks(7)],
  finalHash: '0'.repeat(64),
  ...over,
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

  it('2-seat variant reports China and the West only', () => {
    const s = summarize({ ...header, variant: 2 }, [record({})]);
    expect(Object.keys(s.seats)).toEqual(['china', 'nato']);
  });
});
