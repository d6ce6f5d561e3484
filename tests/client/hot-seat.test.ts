/** The hot-seat hand-over reducer as a table: state and facts in, who has the screen out. */
import { describe, expect, it } from 'vitest';
import {
  hotSeat,
  NOBODY,
  returnTarget,
  whiteHolds,
  type HotSeat,
  type HotSeatEvent,
  type TableFacts,
} from '../../src/client/hot-seat';

const table = (f: Partial<TableFacts> = {}): TableFacts => ({
  white: null,
  awaitingWhite: false,
  actingHuman: null,
  humans: ['0', '1'],
  ...f,
});
const at = (viewer: string | null, handover: string | null = null, lastSeatViewer: string | null = null): HotSeat => ({
  viewer,
  handover,
  lastSeatViewer,
});
const sync: HotSeatEvent = { type: 'sync' };

describe('hotSeat', () => {
  it.each<[string, HotSeat, HotSeatEvent, TableFacts, HotSeat]>([
    ['a person alone sees the screen at once', NOBODY, sync, table({ humans: ['1'] }), at('1')],
    ['alone, their turn needs no hand-over', at('1'), sync, table({ humans: ['1'], actingHuman: '1' }), at('1')],
    ['two people: the acting one is handed the screen', at('0'), sync, table({ actingHuman: '1' }), at(null, '1')],
    ['the viewer keeps acting: nothing changes', at('1'), sync, table({ actingHuman: '1' }), at('1')],
    ['a hand-over under way is kept', at(null, '1'), sync, table({ actingHuman: '0' }), at(null, '1')],
    ['a bot acts: the screen stays', at('0'), sync, table({ actingHuman: null }), at('0')],
    ['confirming shows the screen', at(null, '1', '0'), { type: 'ready' }, table(), at('1', null, '1')],
    ['ready with no hand-over does nothing', at('0'), { type: 'ready' }, table(), at('0')],
    [
      'waiting on the White Cell hands it the screen',
      at('0'),
      sync,
      table({ white: '4', awaitingWhite: true, actingHuman: '1' }),
      at(null, '4', '0'),
    ],
    [
      'the White Cell keeps the screen while a seat may act',
      at('4', null, '0'),
      sync,
      table({ white: '4', actingHuman: '1' }),
      at('4', null, '0'),
    ],
    [
      'the White Cell button hides the seat first',
      at('1', null, '0'),
      { type: 'toWhiteCell' },
      table({ white: '4' }),
      at(null, '4', '1'),
    ],
    ['no White Cell: the button does nothing', at('1'), { type: 'toWhiteCell' }, table(), at('1')],
    [
      'the White Cell confirming does not become the last seat viewer',
      at(null, '4', '1'),
      { type: 'ready' },
      table({ white: '4' }),
      at('4', null, '1'),
    ],
    [
      'handing back goes to the person the game waits for',
      at('4', null, '0'),
      { type: 'fromWhiteCell' },
      table({ white: '4', actingHuman: '1' }),
      at(null, '1', '0'),
    ],
    [
      'else back to the last seat viewer',
      at('4', null, '0'),
      { type: 'fromWhiteCell' },
      table({ white: '4' }),
      at(null, '0', '0'),
    ],
    ['online: the seated player always', at(null), sync, table({ seatedAs: '2', actingHuman: '1' }), at('2')],
    ['online spectator', at(null), sync, table({ seatedAs: null }), at(null)],
  ])('%s', (_name, s, e, t, want) => {
    expect(hotSeat(s, e, t)).toEqual(want);
  });

  it('says when the White Cell holds the screen and whom it returns to', () => {
    const t = table({ white: '4' });
    expect(whiteHolds(at('4'), t)).toBe(true);
    expect(whiteHolds(at(null, '4'), t)).toBe(true);
    expect(whiteHolds(at('0'), t)).toBe(false);
    expect(whiteHolds(at('4'), table())).toBe(false);
    expect(returnTarget(at('4'), table({ white: '4' }))).toBe('0');
    expect(returnTarget(at('4', null, '1'), t)).toBe('1');
    expect(returnTarget(at('4'), table({ humans: [] }))).toBeNull();
  });
});
