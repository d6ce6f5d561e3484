/**
 * A seminar game for the report's tests and docs/examples: bots in every seat (China and Japan stand
 * in for people: level-2 bots, saved without a bot label; China also sends hidden material aid) and a White Cell that overrides a track,
 * fixes a roll, writes an inject, holds one, allows a matrix argument and rates it, and rewinds a turn.
 * Run `npx tsx tests/report/seminar-game.ts OUT.json [seed]` to write one (no seed: the first full one).
 */
import { writeFileSync } from 'node:fs';
import { chooseAction } from '../../src/ai/index';
import { SEATS, type Seat } from '../../src/content/ids';
import { scenarioById } from '../../src/content/scenario';
import {
  actingSeat,
  applyAction,
  legalMoves,
  setupState,
  playerOf,
  playerView,
  type Action,
  type GameState,
  type WhiteAction,
} from '../../src/rules';
import { botStream, createDice } from '../../src/random';
import { buildSave, type SaveAction, type SaveFile } from '../../src/content/save-file';

const PEOPLE: Seat[] = ['china', 'japan'];

interface Intervention {
  /** Fires once, before the first seat action for which this holds. */
  when: (G: GameState) => boolean;
  action: WhiteAction;
}

const INTERVENTIONS: Intervention[] = [
  {
    when: (G) => G.turn === 1,
    action: { move: 'whiteSetAdjudication', args: ['free', 'matrix arguments are allowed in this seminar'] },
  },
  {
    when: (G) => G.turn === 2 && G.round === 1,
    action: { move: 'whiteOverrideTrack', args: ['cohesion', 4, 'the room judged the Vilnius summit a failure'] },
  },
  {
    when: (G) => G.turn === 2 && G.round === 2,
    action: { move: 'whiteForceRoll', args: [6, 'the umpire rules a strong Russian push this upkeep'] },
  },
  {
    when: (G) => G.turn === 3 && G.round === 1,
    action: {
      move: 'whiteWriteInject',
      args: [
        {
          title: 'Typhoon hits Okinawa',
          text: 'US Marines on Okinawa turn to disaster relief; regional goodwill rises.',
          effects: [{ op: 'track', track: 'internationalization', delta: 1 }],
        },
        'test how the cells use a humanitarian window',
      ],
    },
  },
  {
    when: (G) => G.turn === 4 && G.round === 1,
    action: { move: 'whiteRewind', args: [3, 'the Japan cell misread the briefing; replay turn 3'] },
  },
  {
    when: (G) => G.turn === 3 && G.round === 2 && (G.white?.branches.length ?? 0) > 0,
    action: { move: 'whiteHoldInject', args: ['give the cells a quiet turn after the replay'] },
  },
];

export function playSeminarGame(seed = 'seminar-1', scenario = 'baseline-2023'): SaveFile {
  const dice = createDice(seed);
  const G = setupState(scenarioById(scenario)!, { variant: 4, whiteCell: true }, dice);
  const white = playerOf(G, 'white')!;
  const rngs = Object.fromEntries(SEATS.map((s) => [s, botStream(seed, s)])) as Record<Seat, () => number>;
  const actions: SaveAction[] = [];
  const fired = new Set<number>();
  let argued = false;
  let aided = false;
  for (let n = 0; !G.result; n++) {
    if (n > 4000) throw new Error('seminar game did not end');
    // The White Cell rates a pending argument at once.
    if (G.pending?.kind === 'adjudication') {
      const act: WhiteAction = { move: 'whiteRate', args: [4, 'plausible: Japan has long-standing ties in Jakarta'] };
      if (!applyAction(G, 'white', act, dice)) throw new Error('whiteRate refused');
      actions.push({ player: white, seat: 'white', move: act.move, args: act.args });
      continue;
    }
    const i = INTERVENTIONS.findIndex((iv, k) => !fired.has(k) && iv.when(G));
    if (i >= 0) {
      fired.add(i);
      const iv = INTERVENTIONS[i]!;
      const act = iv.action;
      if (applyAction(G, 'white', act, dice))
        actions.push({ player: white, seat: 'white', move: act.move, args: act.args });
      continue;
    }
    const seat = actingSeat(G);
    if (!seat) throw new Error(`nobody may act at turn ${G.turn}`);
    const player = playerOf(G, seat)!;
    let action: Action;
    let why: string | undefined;
    if (seat === 'china' && !aided && legalMoves(G, 'china').some((a) => a.move === 'sendMaterialAid')) {
      aided = true;
      action = { move: 'sendMaterialAid', args: [] };
    } else if (
      seat === 'japan' &&
      !argued &&
      G.turn === 2 &&
      !G.pending &&
      G.ap.japan >= 2 &&
      G.white?.adjudication === 'free'
    ) {
      argued = true;
      action = {
        move: 'proposeArgument',
        args: [
          {
            action: 'Quiet diplomacy in Jakarta',
            result: 'Indonesia backs a joint statement on the South China Sea',
            reasons: 'Decades of aid and investment; shared worry about gray-zone pressure',
            effects: [{ op: 'track', track: 'internationalization', delta: 2 }],
          },
        ],
      };
    } else {
      const d = chooseAction(
        playerView(G, player),
        seat,
        { kind: 'scripted', level: PEOPLE.includes(seat) ? 2 : 3 },
        rngs[seat],
      );
      action = d.action;
      why = PEOPLE.includes(seat) ? undefined : d.why.slice(0, 200);
    }
    if (!applyAction(G, seat, action, dice, why)) throw new Error(`${seat} ${JSON.stringify(action)} refused`);
    actions.push({ player, seat, move: action.move, args: action.args, ...(why !== undefined ? { why } : {}) });
  }
  return buildSave(
    { scenario, variant: 4, seed, whiteCell: true, bots: { nato: 'scripted:3', korea: 'scripted:3' }, actions },
    G,
  );
}

if (process.argv[1]?.endsWith('seminar-game.ts')) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: npx tsx tests/report/seminar-game.ts OUT.json [seed]');
  writeFileSync(
    out,
    `${JSON.stringify(process.argv[3] ? playSeminarGame(process.argv[3]) : fullSeminarGame(), null, 2)}\n`,
  );
}

/**
 * The first of a fixed list of seeds whose game shows every White Cell act (the rewind needs the game
 * to reach turn 4): tests get a full seminar under whatever the rules are today.
 */
export function fullSeminarGame(prefix = 'seminar'): SaveFile {
  for (let i = 1; i <= 30; i++) {
    const save = playSeminarGame(`${prefix}-${i}`);
    const white = new Set(save.actions.filter((a) => a.seat === 'white').map((a) => a.move));
    if (white.size >= INTERVENTIONS.length + 1 && save.actions.some((a) => a.move === 'sendMaterialAid')) return save;
  }
  throw new Error(`no seed ${prefix}-1..30 gives a seminar game with every White Cell act`);
}
