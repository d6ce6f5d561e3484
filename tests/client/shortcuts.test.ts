/** Move shortcuts: every move of every seat has its own letter, stable whatever is legal now. */
import { describe, expect, it } from 'vitest';
import { SEATS } from '../../src/content/ids';
import { MOVE_CATALOGUE } from '../../src/content/moves';
import { moveShortcuts, movesOf } from '../../src/client/shortcuts';

describe('moveShortcuts', () => {
  it.each(SEATS)('gives each of %s’s moves a distinct letter from its name', (seat) => {
    const keys = moveShortcuts(seat);
    expect([...keys.keys()]).toEqual(movesOf(seat));
    expect(new Set(keys.values()).size).toBe(keys.size);
    for (const [m, k] of keys) {
      expect(k).toMatch(/^[a-z]$/);
      expect(MOVE_CATALOGUE[m].name.toLowerCase()).toContain(k);
    }
  });
  it('prefers a word’s initial: Pass is P for every seat', () => {
    for (const seat of SEATS) expect(moveShortcuts(seat).get('pass')).toBe('p');
  });
});
