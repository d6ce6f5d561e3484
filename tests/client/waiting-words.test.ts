/** The projector's "waiting" line names the move from the catalogue, never its id. */
import { describe, expect, it } from 'vitest';
import { waitingWords } from '../../src/client/seminar/projector';
import { MOVE_CATALOGUE } from '../../src/content/moves';
import { newMatch } from '../rules/helpers';

describe('waitingWords', () => {
  it('names a move awaiting approval by its catalogue name', () => {
    const m = newMatch('baseline-2023', 4, 'waiting-words');
    m.G.pending = { kind: 'approval', seat: 'nato', action: { move: 'freedomOfNavigation', args: [] } } as never;
    const text = waitingWords(m.G);
    expect(text).toBe(`The White Cell is considering NATO's ${MOVE_CATALOGUE.freedomOfNavigation.name}`);
    expect(text).not.toContain('freedomOfNavigation');
  });
});
