/** Hidden information through playerView only — on the initial state too, and through boardgame.io's client. */
import { Client } from 'boardgame.io/client';
import { describe, expect, it } from 'vitest';
import { injectById } from '../../src/content/injects';
import { scenarioById } from '../../src/content/scenario';
import { createDice } from '../../src/random';
import { applyAction } from '../../src/rules/engine';
import { EastAsiaTomorrow } from '../../src/rules/game';
import { playerOf } from '../../src/rules/players';
import { REASON_MAX, splitReason } from '../../src/rules/reason';
import { setupState } from '../../src/rules/setup';
import { HIDDEN, playerView } from '../../src/rules/view';
import { newMatch, play } from './helpers';

describe('playerView', () => {
  it('shows a seat its own priority only, on the initial state', () => {
    const { G } = newMatch('baseline-2023', 4, 'view');
    const china = playerView(G, '0');
    expect(china.priority.china).toBe(G.priority.china);
    expect(china.priority.nato).toBe(HIDDEN);
    expect(china.priority.japan).toBe(HIDDEN);
    const spectator = playerView(G, null);
    expect(Object.values(spectator.priority)).toEqual([HIDDEN, HIDDEN, HIDDEN, HIDDEN]);
  });

  it('the three-seat Japan–South Korea player sees both its priorities', () => {
    const { G } = newMatch('baseline-2023', 3, 'view-3');
    const v = playerView(G, '2');
    expect(v.priority.japan).toBe(G.priority.japan);
    expect(v.priority.korea).toBe(G.priority.korea);
    expect(v.priority.nato).toBe(HIDDEN);
  });

  it('hides the inject deck order from everyone', () => {
    const { G } = newMatch('baseline-2023', 4, 'deck');
    for (const id of ['0', '1', '2', '3', null]) {
      const v = playerView(G, id);
      expect(v.deck.every((c) => c === HIDDEN)).toBe(true);
      expect(v.incidentDeck.every((c) => c === HIDDEN)).toBe(true);
      expect(v.deck.length).toBe(G.deck.length);
    }
  });

  it('hidden material aid shows only as unknown to the West, with its log line', () => {
    const m = newMatch('baseline-2023', 4, 'aid');
    m.G.pending = null;
    m.G.active = 'china';
    m.G.ap.china = 4;
    play(m, 'sendMaterialAid');
    const nato = playerView(m.G, '1');
    expect(nato.aid).toEqual([{ id: 'hidden-0', revealed: false }]);
    expect(JSON.stringify(nato.log)).not.toContain('Material aid');
    expect(JSON.stringify(nato.log)).toContain('covert');
    const china = playerView(m.G, '0');
    expect(china.aid[0]!.id).toBe(m.G.aid[0]!.id);
    expect(JSON.stringify(china.log)).toContain('Material aid');
  });

  it('NATO alone sees the Futures peek', () => {
    const m = newMatch('baseline-2023', 4, 'peek');
    m.G.pending = null;
    m.G.active = 'nato';
    m.G.ap.nato = 4;
    play(m, 'consultFutures');
    const p = playerView(m.G, '1').pending;
    expect(p?.kind === 'futures' && p.cards.every((c) => c !== HIDDEN)).toBe(true);
    const q = playerView(m.G, '2').pending;
    expect(q?.kind === 'futures' && q.cards.every((c) => c === HIDDEN)).toBe(true);
  });

  it("the White Cell's rating of an argument keeps a reason naming a secret from every seat, the arguing one too", () => {
    const dice = createDice('rating');
    const G = setupState(scenarioById('baseline-2023')!, { variant: 4, whiteCell: true }, dice);
    Object.assign(G, { pending: null, active: 'japan' });
    G.white!.adjudication = 'free';
    const argument = {
      action: 'talks in Jakarta',
      result: 'ASEAN leans our way',
      reasons: 'long ties',
      effects: [{ op: 'track', track: 'internationalization', delta: 1 }],
    };
    expect(applyAction(G, 'japan', { move: 'proposeArgument', args: [argument] }, dice)).toBe(true);
    const secret = `${injectById(G.deck[0]!)!.title} is next, so it lands`;
    expect(applyAction(G, 'white', { move: 'whiteRate', args: [4, secret] }, dice)).toBe(true);
    const line = (id: string | null) => playerView(G, id).log.find((e) => e.text.startsWith('Adjudication'));
    for (const id of ['0', '1', playerOf(G, 'japan')!, '3', null]) {
      expect(JSON.stringify(playerView(G, id).log)).not.toContain(secret);
      expect(line(id)?.text).toMatch(/rated 4\/5; rolled \d vs 3/);
    }
    expect(line(playerOf(G, 'white')!)?.reason).toBe(secret);
  });

  it("a player's free-text why is cut to 200 characters and can neither break its line nor fake a reason's brackets", () => {
    const m = newMatch('baseline-2023', 4, 'why');
    Object.assign(m.G, { pending: null, active: 'china' });
    const why = `calm] Inject — forged: tension 10 [our priority\n\u202e${'y'.repeat(300)}`;
    expect(applyAction(m.G, 'china', { move: 'pass', args: [] }, m.dice, why)).toBe(true);
    const line = m.G.log.at(-1)!;
    const { reason } = splitReason(line.text);
    expect(reason).toHaveLength(REASON_MAX);
    expect(reason).not.toMatch(/[[\]\n\u202e]/);
    // It names a secret ("priority"), so the other seats read the move without it.
    expect(playerView(m.G, '1').log.at(-1)!.text).toBe(splitReason(line.text).text);
    expect(playerView(m.G, '0').log.at(-1)!.text).toBe(line.text);
  });

  it('the White Cell sees everything', () => {
    const m = newMatch('baseline-2023', 4, 'white');
    m.G.players['4'] = ['white'];
    expect(playerView(m.G, '4')).toBe(m.G);
  });

  it("boardgame.io's client state carries no seed, PRNG state or other seats' secrets", () => {
    const client = Client({ game: { ...EastAsiaTomorrow, seed: 'secret-seed-42' }, numPlayers: 4, playerID: '1' });
    client.start();
    const state = client.getState()!;
    const text = JSON.stringify({ G: state.G, log: state.log });
    expect(text).not.toContain('secret-seed-42');
    expect(state.G.priority.china).toBe(HIDDEN);
    expect(state.G.deck.every((c) => c === HIDDEN)).toBe(true);
    client.stop();
  });
});
