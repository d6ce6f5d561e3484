/** The White Cell: powers refused to every seat, and overrides, rewinds and adjudications that replay exactly. */
import { Client } from 'boardgame.io/client';
import { describe, expect, it } from 'vitest';
import { SEATS, WHITE_MOVES } from '../../src/content/ids';
import { scenarioById } from '../../src/content/scenario';
import { actingSeat, applyAction } from '../../src/rules/engine';
import { EastAsiaTomorrow } from '../../src/rules/game';
import { playerOf } from '../../src/rules/players';
import { setupState } from '../../src/rules/setup';
import type { Action, AnyAction, WhiteAction } from '../../src/rules/state';
import { playerView } from '../../src/rules/view';
import { createDice } from '../../src/random';
import { hashState } from '../../src/content/save-file';

function whiteMatch(seed = 'white') {
  const dice = createDice(seed);
  const G = setupState(scenarioById('baseline-2023')!, { variant: 4, whiteCell: true }, dice);
  return { G, dice };
}

/** Play and record: the recorded list replays through boardgame.io to the same state. */
function recorder(m: ReturnType<typeof whiteMatch>) {
  const actions: { player: string; action: AnyAction }[] = [];
  return {
    actions,
    seat(action: Action) {
      const seat = actingSeat(m.G)!;
      const player = playerOf(m.G, seat)!;
      expect(applyAction(m.G, seat, action, m.dice)).toBe(true);
      actions.push({ player, action });
    },
    white(move: WhiteAction['move'], ...args: unknown[]) {
      expect(applyAction(m.G, 'white', { move, args }, m.dice)).toBe(true);
      actions.push({ player: '4', action: { move, args } });
    },
    passUntilTurn(turn: number) {
      while (m.G.turn < turn && !m.G.result) {
        const p = m.G.pending;
        this.seat(
          p?.kind === 'lambaste'
            ? { move: 'declineLambaste', args: [] }
            : p
              ? { move: 'chooseOption', args: [0] }
              : { move: 'pass', args: [] },
        );
      }
    },
  };
}

function replayThroughEngine(seed: string, actions: { player: string; action: AnyAction }[]) {
  const client = Client({
    game: {
      ...EastAsiaTomorrow,
      seed,
      setup: (ctx, _d) => EastAsiaTomorrow.setup!(ctx, { scenario: 'baseline-2023', variant: 4, whiteCell: true }),
    },
    numPlayers: 5,
  });
  client.start();
  for (const { player, action } of actions) {
    client.updatePlayerID(player);
    (client.moves[action.move] as (...a: unknown[]) => void)(...action.args);
  }
  const G = (client as unknown as { store: { getState(): { G: unknown } } }).store.getState().G;
  client.stop();
  return G;
}

describe('White Cell', () => {
  it.each(WHITE_MOVES.flatMap((move) => SEATS.map((seat) => [move, seat] as const)))(
    '%s is refused to %s',
    (move, seat) => {
      const m = whiteMatch();
      const before = hashState(m.G);
      expect(applyAction(m.G, seat, { move, args: ['tension', 9, 'because'] }, m.dice)).toBe(false);
      expect(hashState(m.G)).toBe(before);
    },
  );

  it('refuses White Cell powers to a seat player through boardgame.io', () => {
    const client = Client({
      game: {
        ...EastAsiaTomorrow,
        seed: 's',
        setup: (ctx, _d) => EastAsiaTomorrow.setup!(ctx, { scenario: 'baseline-2023', variant: 4, whiteCell: true }),
      },
      numPlayers: 5,
      playerID: '1',
    });
    client.start();
    const store = (client as unknown as { store: { getState(): { G: { tracks: { tension: number } } } } }).store;
    const tension = store.getState().G.tracks.tension;
    client.moves.whiteOverrideTrack!('tension', 9, 'I am not the umpire');
    expect(store.getState().G.tracks.tension).toBe(tension);
    client.updatePlayerID('4');
    client.moves.whiteOverrideTrack!('tension', 9, 'the umpire rules');
    expect(store.getState().G.tracks.tension).toBe(9);
    client.stop();
  });

  it('needs a reason for every power', () => {
    const m = whiteMatch();
    expect(applyAction(m.G, 'white', { move: 'whiteOverrideTrack', args: ['tension', 5, ''] }, m.dice)).toBe(false);
    expect(applyAction(m.G, 'white', { move: 'whiteOverrideTrack', args: ['tension', 5] }, m.dice)).toBe(false);
    expect(applyAction(m.G, 'white', { move: 'whiteOverrideTrack', args: ['tension', 99, 'x'] }, m.dice)).toBe(false);
  });

  it('an override, a forced roll, a forced inject, a rewind and a free adjudication replay exactly', () => {
    const seed = 'white-replay';
    const m = whiteMatch(seed);
    const rec = recorder(m);
    rec.white('whiteOverrideTrack', 'cohesion', 4, 'the Madrid summit went badly');
    expect(m.G.tracks.cohesion).toBe(4);
    expect(m.G.log.at(-1)?.reason).toBe('the Madrid summit went badly');
    rec.white('whiteForceRoll', 6, 'the umpire rules a strong Russian push');
    rec.white('whiteForceInject', 'stoltenberg-visit', 'a second visit');
    rec.passUntilTurn(2);
    rec.white('whiteSetAdjudication', 'free', 'matrix arguments allowed from here');
    const seat = actingSeat(m.G)!;
    if (m.G.pending === null) {
      rec.seat({
        move: 'proposeArgument',
        args: [
          {
            action: 'quiet diplomacy in Jakarta',
            result: 'ASEAN leans our way',
            reasons: 'long ties',
            effects: [{ op: 'track', track: 'internationalization', delta: 1 }],
          },
        ],
      });
      expect((m.G.pending as { kind: string } | null)?.kind).toBe('adjudication');
      expect(actingSeat(m.G)).toBeNull();
      rec.white('whiteRate', 4, 'plausible: long-standing ties');
      expect(m.G.log.some((e) => e.text.startsWith('Adjudication'))).toBe(true);
    }
    expect(seat).toBeDefined();
    rec.passUntilTurn(3);
    rec.white('whiteRewind', 2, 'replay the second turn with the new briefing');
    expect(m.G.turn).toBe(2);
    expect(m.G.white!.branches).toHaveLength(1);
    rec.passUntilTurn(3);
    expect(hashState(replayThroughEngine(seed, rec.actions))).toBe(hashState(m.G));
  });

  it("a rewind to the start of a turn keeps that turn's inject, and later turns draw the same cards", () => {
    const m = whiteMatch('rewind-inject');
    const rec = recorder(m);
    const injectOf = (turn: number) =>
      m.G.log
        .filter((e) => e.turn === turn && e.kind === 'inject' && e.text.startsWith('Inject — '))
        .map((e) => e.text.split(':')[0]);
    rec.passUntilTurn(4);
    const turn2 = injectOf(2);
    const turn3 = injectOf(3);
    expect(turn2).toHaveLength(1);
    expect(turn3).toHaveLength(1);
    rec.white('whiteRewind', 2, 'replay turn 2');
    expect(m.G.turn).toBe(2);
    expect(injectOf(2)).toEqual(turn2);
    // The same cards in the same order (their dice-driven effects may differ on the new line).
    rec.passUntilTurn(3);
    expect(injectOf(3)).toEqual(turn3);
    expect(hashState(replayThroughEngine('rewind-inject', rec.actions))).toBe(hashState(m.G));
  });

  it('a rewound branch can be reopened', () => {
    const m = whiteMatch('branch');
    const rec = recorder(m);
    rec.passUntilTurn(3);
    const at3 = hashState({ ...m.G, white: null });
    rec.white('whiteRewind', 1, 'try again');
    expect(m.G.turn).toBe(1);
    rec.white('whiteReopenBranch', 0, 'back to the first line');
    expect(m.G.turn).toBe(3);
    expect(hashState({ ...m.G, white: null, log: m.G.log.slice(0, -1) })).toBe(at3);
    expect(m.G.white!.branches).toHaveLength(1);
    expect(m.G.white!.branches[0]!.state?.turn).toBe(1);
  });

  it('pauses and resumes: nobody may act while paused', () => {
    const m = whiteMatch('pause');
    applyAction(m.G, 'white', { move: 'whitePause', args: ['coffee break'] }, m.dice);
    expect(actingSeat(m.G)).toBeNull();
    expect(applyAction(m.G, 'china', { move: 'pass', args: [] }, m.dice)).toBe(false);
    applyAction(m.G, 'white', { move: 'whiteResume', args: ['back to the table'] }, m.dice);
    expect(actingSeat(m.G)).not.toBeNull();
  });

  it('at tension 8+ with approval on, an action waits for the White Cell', () => {
    const m = whiteMatch('approve');
    m.G.pending = null;
    m.G.active = 'china';
    m.G.ap.china = 4;
    m.G.tracks.tension = 8;
    applyAction(m.G, 'white', { move: 'whiteRequireApproval', args: [true, 'crisis footing'] }, m.dice);
    expect(applyAction(m.G, 'china', { move: 'pressGrayZone', args: ['taiwan-strait'] }, m.dice)).toBe(true);
    expect((m.G.pending as { kind: string } | null)?.kind).toBe('approval');
    const gz = m.G.grayZone['taiwan-strait'] ?? 0;
    applyAction(m.G, 'white', { move: 'whiteDecide', args: [false, 'too escalatory'] }, m.dice);
    expect(m.G.grayZone['taiwan-strait'] ?? 0).toBe(gz);
    expect(m.G.ap.china).toBe(4);
    applyAction(m.G, 'china', { move: 'pressGrayZone', args: ['taiwan-strait'] }, m.dice);
    applyAction(m.G, 'white', { move: 'whiteDecide', args: [true, 'proportionate'] }, m.dice);
    expect(m.G.grayZone['taiwan-strait']).toBe(gz + 1);
  });

  it('refuses an inject id that is only a prototype key, without a change', () => {
    const m = whiteMatch('proto');
    const before = JSON.stringify(m.G);
    for (const id of ['constructor', '__proto__', 'toString']) {
      expect(applyAction(m.G, 'white', { move: 'whiteForceInject', args: [id, 'test'] }, m.dice)).toBe(false);
      expect(applyAction(m.G, 'white', { move: 'whiteScheduleInject', args: [id, 3, 'test'] }, m.dice)).toBe(false);
    }
    expect(JSON.stringify(m.G)).toBe(before);
  });

  it("the umpire's schedule, fixed rolls and history are hidden from the seats", () => {
    const m = whiteMatch('secret');
    applyAction(m.G, 'white', { move: 'whiteForceRoll', args: [1, 'test'] }, m.dice);
    applyAction(m.G, 'white', { move: 'whiteScheduleInject', args: ['stoltenberg-visit', 3, 'test'] }, m.dice);
    const v = playerView(m.G, '1');
    expect(v.white?.forcedRolls).toEqual([]);
    expect(v.white?.schedule).toEqual({});
    expect(v.white?.snapshots).toEqual([]);
    expect(playerView(m.G, '4').white?.forcedRolls).toEqual([1]);
  });
});
