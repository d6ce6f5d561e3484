/** Injects open to interpretation: the White Cell chooses the reading, or without one the table's die; logged and replayable. */
import { Client } from 'boardgame.io/client';
import { describe, expect, it } from 'vitest';
import { injectById } from '../../src/content/injects';
import { scenarioById } from '../../src/content/scenario';
import { InjectSchema } from '../../src/content/schemas';
import { actingSeat, applyAction } from '../../src/rules/engine';
import { EastAsiaTomorrow } from '../../src/rules/game';
import { setupState } from '../../src/rules/setup';
import type { AnyAction } from '../../src/rules/state';
import { playerView } from '../../src/rules/view';
import { createDice } from '../../src/random';
import { hashState } from '../../src/content/save-file';

const SHELLS = 'shells-for-kyiv';
const readings = () => {
  const e = injectById(SHELLS)!.effects[0]!;
  if (e.op !== 'interpret') throw new Error('shells-for-kyiv is not open to interpretation');
  return e.readings;
};

describe('an inject open to interpretation', () => {
  it('waits for the White Cell, which chooses a reading with a reason; the choice is logged for everyone and replays', () => {
    const seed = 'interpret-white';
    const dice = createDice(seed);
    const G = setupState(scenarioById('baseline-2023')!, { variant: 4, whiteCell: true }, dice);
    const actions: AnyAction[] = [];
    const white = (move: AnyAction['move'], ...args: unknown[]) => {
      const ok = applyAction(G, 'white', { move, args } as AnyAction, dice);
      if (ok) actions.push({ move, args } as AnyAction);
      return ok;
    };
    expect(white('whiteInterpret', 0, 'nothing to read yet')).toBe(false);
    const before = { ukraine: G.tracks.ukraine, tension: G.tracks.tension };
    expect(white('whiteForceInject', SHELLS, 'the study question asks about Seoul')).toBe(true);
    expect(G.pending?.kind).toBe('reading');
    expect(actingSeat(G)).toBeNull();
    expect(applyAction(G, 'china', { move: 'pass', args: [] }, dice)).toBe(false);
    expect(white('whiteInterpret', 3, 'there is no fourth reading')).toBe(false);
    expect(white('whiteInterpret', 1, 'the shells came too fast for a detour')).toBe(true);
    expect(G.pending).toBeNull();
    expect(G.tracks.ukraine).toBe(before.ukraine + 1);
    expect(G.tracks.tension).toBe(before.tension + 1);
    const line = G.log.at(-1)!;
    expect(line.text).toMatch(
      /^Inject — Shells for Kyiv\?: read as “A direct transfer in all but name” \(the White Cell\), /,
    );
    expect(line.reason).toBe('the shells came too fast for a detour');
    // Through the one gate: every seat reads the reading chosen, and the White Cell's reason.
    for (const seat of ['0', '1', '2', '3'])
      expect(playerView(G, seat).log.some((l) => l.text === line.text && l.reason === line.reason)).toBe(true);

    const client = Client({
      game: {
        ...EastAsiaTomorrow,
        seed,
        setup: (ctx, _d) => EastAsiaTomorrow.setup!(ctx, { scenario: 'baseline-2023', variant: 4, whiteCell: true }),
      },
      numPlayers: 5,
      playerID: '4',
    });
    client.start();
    for (const a of actions) (client.moves[a.move] as (...x: unknown[]) => void)(...a.args);
    const replayed = (client as unknown as { store: { getState(): { G: unknown } } }).store.getState().G;
    client.stop();
    expect(hashState(replayed as typeof G)).toBe(hashState(G));
  });

  it('without a White Cell, the table reads it: the die face picks the reading, the same for the same seed', () => {
    const scenario = { ...scenarioById('baseline-2023')!, firstInjects: [SHELLS] };
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const G = setupState(scenario, { variant: 4 }, createDice(`table-${i}`));
      const line = G.log.find((l) => l.text.startsWith('Inject — Shells for Kyiv?'))!;
      const face = Number(/the table rolled (\d)/.exec(line.text)![1]);
      const reading = readings().find((o) => o.faces.includes(face))!;
      expect(line.text).toContain(`read as “${reading.label}” (the table rolled ${face})`);
      expect(line.rolls).toEqual([face]);
      expect(G.pending).toBeNull();
      const again = setupState(scenario, { variant: 4 }, createDice(`table-${i}`));
      expect(hashState(again)).toBe(hashState(G));
      seen.add(reading.label);
    }
    expect(seen.size).toBe(3);
  });

  it('with a White Cell whose table reads for it (bots playing on), the die decides', () => {
    const dice = createDice('table-white');
    const G = setupState(scenarioById('baseline-2023')!, { variant: 4, whiteCell: true }, dice);
    G.white!.tableReadings = true;
    expect(applyAction(G, 'white', { move: 'whiteForceInject', args: [SHELLS, 'why not'] }, dice)).toBe(true);
    expect(G.pending).toBeNull();
    expect(G.log.some((l) => /the table rolled \d/.test(l.text))).toBe(true);
  });

  it('refuses readings whose faces do not share out 1–6, naming the problem', () => {
    const card = structuredClone(injectById(SHELLS)!);
    const e = card.effects[0]!;
    if (e.op !== 'interpret') throw new Error('not an interpretation');
    e.readings[2]!.faces = [5];
    const parsed = InjectSchema.safeParse(card);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).join(' ')).toContain('share out 1–6');
  });
});
