import { describe, expect, it } from 'vitest';
import { pairedShare, seatResult, seatWins } from '../../src/sim/paired';
import type { GameRecord } from '../../src/sim/record';
import { record } from './records';

const game = (seed: string, over: Partial<GameRecord>) => record({ seed, ...over });
const margins = (china: number) => ({ china, nato: 0, japan: 0, korea: 0 });

describe('paired-seed comparisons', () => {
  it.each([
    ['a win beats any margin', game('s', { winner: 'china', margins: margins(-5) }), 95],
    ['a margin counts when nobody of ours won', game('s', { winner: 'nato', margins: margins(4) }), 4],
    ['the war’s culprit is worst', game('s', { winner: 'nato', ending: 'war', culprit: 'china' }), -98],
    ['2 seats: the West wins as nato', game('s', { variant: 2, winner: 'nato', margins: margins(1) }), 1],
  ])('%s', (_name, r, value) => {
    expect(seatResult(r, 'china')).toBe(value);
  });

  it('counts better, worse and ties seed by seed, ties half, with a 95% interval', () => {
    const a = [
      game('1', { winner: 'china' }),
      game('2', { winner: 'nato', margins: margins(3) }),
      game('3', { winner: 'nato', margins: margins(1) }),
      game('4', { winner: 'nato', margins: margins(0) }),
    ];
    const b = [
      game('1', { winner: 'nato' }),
      game('2', { winner: 'nato', margins: margins(1) }),
      game('3', { winner: 'nato', margins: margins(1) }),
      game('4', { winner: 'china' }),
    ];
    const p = pairedShare(a, b, 'china');
    expect(p).toMatchObject({ pairs: 4, better: 2, worse: 1, ties: 1, share: 2.5 / 4 });
    expect(p.ci95[0]).toBeLessThan(p.share);
    expect(p.ci95[1]).toBeGreaterThan(p.share);
    expect(pairedShare(b, a, 'china').share).toBe(1.5 / 4);
  });

  it.each([
    [[game('1', {})], [], /1 games against 0/],
    [[game('1', {})], [game('2', {})], /game 0 is seed "1" against "2"/],
  ])('refuses unpaired records', (a, b, message) => {
    expect(() => pairedShare(a, b, 'china')).toThrow(message);
  });

  it('counts a seat’s wins and the share of them before turn 5', () => {
    const w = seatWins(
      [
        game('1', { winner: 'china', turns: 4 }),
        game('2', { winner: 'china', turns: 6 }),
        game('3', { winner: 'china', turns: 5 }),
        game('4', { winner: 'japan', turns: 2 }),
      ],
      'china',
    );
    expect(w).toEqual({ games: 4, wins: 3, earlyWins: 1, earlyShare: 1 / 3 });
  });
});
