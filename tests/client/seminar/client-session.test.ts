// @vitest-environment jsdom
/** The console over a real boardgame.io Client with a White Cell seat: moves as the White Cell player, recorded for the save. */
import { Client } from 'boardgame.io/client';
import { describe, expect, it } from 'vitest';
import { clientSession, type RecordedMove } from '../../../src/client/seminar/client-session';
import { mountWhiteCellConsole } from '../../../src/client/seminar/white-cell-console';
import { EastAsiaTomorrow, type GameState } from '../../../src/rules';

function hotSeat() {
  const client = Client<GameState>({
    game: {
      ...EastAsiaTomorrow,
      seed: 'hot-seat',
      setup: (ctx) => EastAsiaTomorrow.setup!(ctx, { scenario: 'baseline-2023', variant: 4, whiteCell: true }),
    },
    numPlayers: 5,
    debug: false,
  });
  client.start();
  client.updatePlayerID('1');
  return client;
}

describe('clientSession', () => {
  it('sends White Cell moves as the White Cell player and records them; the seat at the screen stays', async () => {
    const client = hotSeat();
    const recorded: RecordedMove[] = [];
    const session = clientSession(client as never, { record: (m) => recorded.push(m) });
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    mountWhiteCellConsole(root, session);
    // The console sees the whole state even though a seat sits at the screen.
    expect(root.querySelector('#wc-deck li')).not.toBeNull();
    (root.querySelector('#wc-reason') as HTMLTextAreaElement).value = 'the room judged the summit a failure';
    (root.querySelector('#wc-override-track') as HTMLSelectElement).value = 'cohesion';
    (root.querySelector('#wc-override-value') as HTMLInputElement).value = '2';
    (root.querySelector('#wc-override') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(session.state()!.tracks.cohesion).toBe(2);
    expect(recorded).toEqual([
      {
        player: '4',
        seat: 'white',
        move: 'whiteOverrideTrack',
        args: ['cohesion', 2, 'the room judged the summit a failure'],
      },
    ]);
    expect(client.playerID).toBe('1');
    // A seat cannot use a White Cell power through the same client.
    client.moves.whiteOverrideTrack!('cohesion', 9, 'not the umpire');
    expect(session.state()!.tracks.cohesion).toBe(2);
    client.stop();
  });
});
