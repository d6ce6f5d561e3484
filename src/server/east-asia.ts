/**
 * East Asia Tomorrow on the generic server: the lobby's setup schema, the move-argument shape the
 * gate checks before the rules parse them, the server-side bot (src/ai's chooseAction on the seat's
 * view), the clock's notion of whose turn it is, and the saved-game export.
 */
import { z } from 'zod';
import type { LogEntry, State } from 'boardgame.io';
import { SEATS, VARIANTS, WHITE_MOVES, type MoveName } from '../content/ids';
import { PLAYERS_BY_VARIANT } from '../content/seats';
import { MOVE_CATALOGUE } from '../content/moves';
import { scenarioById } from '../content/scenario';
import { CreateGameReducer, InitializeGame, ProcessGameConfig } from 'boardgame.io/internal';
import {
  EastAsiaTomorrow,
  seatFor,
  splitWhy,
  actingSeat,
  legalMoves,
  actionLogView,
  AFTER_END_MOVES,
  playerOf,
  rolesOf,
  type SetupData,
  type GameState,
} from '../rules';
import { chooseAction, handicapFor } from '../ai/index';
import { BOT_CHOICES, formatBotSpec, parseBotSpec, shortBotName, type BotSpec } from '../content/bot-spec';
import { buildSave, hashState, type SaveAction, type SaveFile } from '../content/save-file';
import type { BotPlayer } from './bots';
import type { ClockSpec } from './clock';
import type { CreateServerOptions } from './index';
import type { ExportInput, LobbySpec } from './lobby';

const handicap = z
  .object({
    ap: z.number().int().min(-3).max(3),
    roll: z.number().int().min(-2).max(2),
    margin: z.number().int().min(0).max(5).optional(),
  })
  .strict();

export const setupSchema = z
  .object({
    scenario: z.string().refine((id) => scenarioById(id) !== undefined, { message: 'unknown scenario id' }),
    variant: z.union(
      VARIANTS.map((v) => z.literal(v)) as unknown as [z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>],
    ),
    whiteCell: z.boolean().optional(),
    handicap: z.partialRecord(z.enum(SEATS), handicap).optional(),
    /** The seminar's study question, as the saved game's `study` (src/content/save-file.ts). */
    study: z.string().trim().min(1, 'the study question is empty').max(500).optional(),
  })
  .strict() as z.ZodType<SetupData>;

/** The bots a match may seat, by their short names (`3`, `expert`, `random`; src/content/bot-spec.ts). */
export const BOT_LEVELS = BOT_CHOICES.map(shortBotName) as [string, ...string[]];

/** A bot seat's level as stored in the match options (the lobby admits only BOT_LEVELS), as the bot it names. */
const botOf = (level: string): BotSpec => parseBotSpec(level, 'bot level');

export const eastAsiaLobby: LobbySpec<SetupData> = {
  setupSchema,
  numPlayers: (setup, requested) => {
    const n = setup.variant + (setup.whiteCell ? 1 : 0);
    if (requested !== undefined && requested !== n)
      return `variant ${setup.variant}${setup.whiteCell ? ' with a White Cell' : ''} has ${n} players, not ${requested}`;
    return n;
  },
  botLevels: BOT_LEVELS,
  prepareSetup,
};

const text = z.string().max(1000);
const value: z.ZodType = z.lazy(() =>
  z.union([
    text,
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(value).max(20),
    z.record(z.string().max(40), value),
  ]),
);

/**
 * Move arguments: a short list of ids, numbers, booleans, reasons and (for written injects and matrix
 * arguments) small objects. This is the gate's shape check; the rules parse each move's exact arguments.
 */
export function checkArgs(move: string, args: unknown[]): string | null {
  const info = MOVE_CATALOGUE[move as MoveName] as { args: readonly string[] } | undefined;
  // Catalogue arguments plus a bot's trailing { why }; White Cell powers take at most three.
  const max = (info?.args.length ?? 3) + 1;
  if (args.length > max) return `${move} takes at most ${max - 1} arguments`;
  for (let i = 0; i < args.length; i++) {
    if (!value.safeParse(args[i]).success)
      return `argument ${i + 1} of ${move} is not a short id, number, text or small object`;
  }
  return null;
}

/** The server-side bot: the AI's `chooseAction` on the seat's filtered view (no PRNG state, no hidden data), with its own stream. */
export const eastAsiaBot: BotPlayer = (view: State, playerID: string, level: string, rng: () => number) => {
  const G = view.G as GameState;
  const seat = seatFor(G, playerID);
  if (!seat || legalMoves(G, seat).length === 0) return null;
  const { action, why } = chooseAction(G, seat, botOf(level), rng);
  return { move: action.move, args: [...action.args, { why }], why };
};

/** The playerID holding the seat the game waits for. */
export function actorOf(state: State): string | null {
  const G = state.G as GameState;
  const seat = actingSeat(G);
  if (!seat) return null;
  return playerOf(G, seat);
}

/** On time-out with `pass`: pass if allowed, decline a pending reaction, else the bot decides. */
export const eastAsiaClock: ClockSpec = {
  actor: actorOf,
  timeoutMove: (view, playerID) => {
    const G = view.G as GameState;
    const seat = seatFor(G, playerID);
    if (!seat) return null;
    const legal = legalMoves(G, seat);
    const pass = legal.find((a) => a.move === 'pass') ?? legal.find((a) => a.move === 'declineLambaste');
    return pass ? { move: pass.move, args: [...pass.args, { why: 'time ran out' }], why: 'time ran out' } : null;
  },
};

/** Bot seats bring their difficulty's setup bonus (unless the creator set one); bots never hold the White Cell. */
function prepareSetup(setup: SetupData, bots: Record<string, string>): SetupData | string {
  const handicap = { ...setup.handicap };
  const seatsOf = PLAYERS_BY_VARIANT[setup.variant];
  for (const [playerID, level] of Object.entries(bots)) {
    const seats = seatsOf[Number(playerID)];
    if (!seats) return `bots: seat ${playerID} is the White Cell's; a person must hold it`;
    for (const seat of seats) handicap[seat] ??= handicapFor(botOf(level));
  }
  return Object.keys(handicap).length ? { ...setup, handicap } : setup;
}

/**
 * A match as the saved-game file `eat-save/1`: the boardgame.io log replayed through the game's own
 * reducer from the stored seed, so each action carries the seat it was made for; the final hash is
 * checked against the stored state.
 */
export function exportMatch(m: ExportInput): SaveFile {
  const setup = m.metadata.setupData as SetupData;
  const seed = (m.initialState.plugins.random?.data as { seed?: string } | undefined)?.seed;
  if (!seed) throw new Error(`match ${m.matchID}: no seed in its initial state`);
  // No endIf: the log may hold moves made after an end the White Cell reopened (`reopens`); G.result says who won.
  const game = ProcessGameConfig({ ...EastAsiaTomorrow, seed, disableUndo: true, endIf: undefined });
  const reducer = CreateGameReducer({ game });
  let state = InitializeGame({ game, numPlayers: Object.keys(m.metadata.players).length, setupData: setup });
  const actions: SaveAction[] = [];
  const seen = new Set<number>();
  for (const entry of m.log) {
    // Events fired inside a move share its _stateID and are not marked automatic: one entry per _stateID.
    if (entry.action.type !== 'MAKE_MOVE' || seen.has(entry._stateID)) continue;
    seen.add(entry._stateID);
    const { type, args, playerID } = entry.action.payload as { type: string; args: unknown[] | null; playerID: string };
    const G = state.G as GameState;
    const seat = (WHITE_MOVES as readonly string[]).includes(type) ? 'white' : seatFor(G, playerID);
    if (!seat) throw new Error(`match ${m.matchID}: player ${playerID} holds no seat but moved (${type})`);
    const { args: plain, why } = splitWhy(args ?? []);
    actions.push({ player: playerID, seat, move: type as SaveAction['move'], args: plain, ...(why ? { why } : {}) });
    state = reducer(state, { type: 'MAKE_MOVE', payload: { type, args: args ?? [], playerID } } as never);
  }
  if (hashState(state.G) !== hashState(m.state.G))
    throw new Error(`match ${m.matchID}: replaying the log does not reach the stored state`);
  const bots: NonNullable<SaveFile['bots']> = {};
  for (const [playerID, b] of Object.entries({ ...m.options.bots, ...m.options.standIns })) {
    for (const seat of PLAYERS_BY_VARIANT[setup.variant][Number(playerID)] ?? [])
      bots[seat] = formatBotSpec(botOf(b.level));
  }
  return buildSave(
    {
      scenario: setup.scenario,
      variant: setup.variant,
      seed,
      whiteCell: setup.whiteCell,
      handicap: setup.handicap,
      bots,
      ...(setup.study ? { study: { question: setup.study } } : {}),
      actions,
    },
    state.G,
  );
}

/** boardgame.io's action log through the game's one gate (src/rules/view.ts): hidden moves, secret White Cell powers and secret reasons stay with their own. */
export function viewLog(log: LogEntry[], recipient: string | null, state: State): LogEntry[] {
  return actionLogView(state.G as GameState, log, recipient);
}

/** After the end, the White Cell alone may still rewind or reopen a branch (the rules refuse its other powers then). */
export function reopens(state: State, playerID: string, move: string): boolean {
  const G = state.G as GameState;
  return (AFTER_END_MOVES as ReadonlySet<string>).has(move) && rolesOf(G, playerID).includes('white');
}

/** The White Cell may download a running match (it already sees everything). */
export function mayExportEarly(m: ExportInput, playerID: string): boolean {
  return rolesOf(m.state.G as GameState, playerID).includes('white');
}

/** Everything createServer needs for this game. */
export const eastAsiaServer: Pick<
  CreateServerOptions,
  'game' | 'lobby' | 'checkArgs' | 'viewLog' | 'reopens' | 'bot' | 'clock' | 'exportMatch' | 'mayExportEarly'
> = {
  game: EastAsiaTomorrow,
  viewLog,
  reopens,
  lobby: eastAsiaLobby,
  checkArgs,
  bot: eastAsiaBot,
  clock: eastAsiaClock,
  exportMatch,
  mayExportEarly,
};
