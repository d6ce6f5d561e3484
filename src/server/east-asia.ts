/**
 * East Asia Tomorrow on the generic server: the lobby's setup schema, the move-argument schema the
 * gate applies before the rules, and the server-side bot that plays empty seats from its seat's view.
 */
import { z } from 'zod';
import type { State } from 'boardgame.io';
import { SEATS, VARIANTS, type MoveName } from '../content/ids';
import { MOVE_CATALOGUE } from '../content/moves';
import { scenarioById } from '../content/scenario';
import { EastAsiaTomorrow, seatFor, type SetupData } from '../rules/game';
import type { GameState } from '../rules/state';
import { randomBot } from '../ai/random-bot';
import type { BotPlayer } from './bots';
import type { CreateServerOptions } from './index';
import type { LobbySpec } from './lobby';

const handicap = z.object({ ap: z.number().int().min(-3).max(3), roll: z.number().int().min(-2).max(2) }).strict();

export const setupSchema = z
  .object({
    scenario: z.string().refine((id) => scenarioById(id) !== undefined, { message: 'unknown scenario id' }),
    variant: z.union(
      VARIANTS.map((v) => z.literal(v)) as unknown as [z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>],
    ),
    whiteCell: z.boolean().optional(),
    handicap: z.partialRecord(z.enum(SEATS), handicap).optional(),
  })
  .strict() as z.ZodType<SetupData>;

/** Bot difficulties: 1–6 scripted, `expert` (search) and `random` (the baseline), as issue 3 names them. */
export const BOT_LEVELS = ['1', '2', '3', '4', '5', '6', 'expert', 'random'] as const;

export const eastAsiaLobby: LobbySpec<SetupData> = {
  setupSchema,
  numPlayers: (setup, requested) => {
    const n = setup.variant + (setup.whiteCell ? 1 : 0);
    if (requested !== undefined && requested !== n)
      return `variant ${setup.variant}${setup.whiteCell ? ' with a White Cell' : ''} has ${n} players, not ${requested}`;
    return n;
  },
  botLevels: BOT_LEVELS,
};

const primitive = z.union([z.string().max(64), z.number().finite(), z.boolean(), z.null()]);
const why = z.object({ why: z.string().max(200) }).strict();

/** Move arguments are short lists of ids and numbers (the legal-option lists), optionally ending in a bot's `{ why }`. */
export function checkArgs(move: string, args: unknown[]): string | null {
  const info = MOVE_CATALOGUE[move as MoveName] as { args: readonly string[] } | undefined;
  const max = (info?.args.length ?? 4) + 1;
  if (args.length > max) return `${move} takes at most ${max - 1} arguments`;
  for (let i = 0; i < args.length; i++) {
    const ok = primitive.safeParse(args[i]).success || (i === args.length - 1 && why.safeParse(args[i]).success);
    if (!ok) return `argument ${i + 1} of ${move} must be an id, a number or a boolean`;
  }
  return null;
}

/**
 * The server-side bot: decides from the seat's filtered view (no PRNG state, no hidden data) with its
 * own seeded stream. Plays the random baseline until src/ai's scripted `chooseAction` lands.
 */
export const eastAsiaBot: BotPlayer = (view: State, playerID: string, _level: string, rng: () => number) => {
  const G = view.G as GameState;
  const seat = seatFor(G, playerID);
  if (!seat) return null;
  const { action, why: reason } = randomBot(G, seat, rng);
  return { move: action.move, args: [...action.args, { why: reason }], why: reason };
};

/** Everything createServer needs for this game. */
export const eastAsiaServer: Pick<CreateServerOptions, 'game' | 'lobby' | 'checkArgs' | 'bot'> = {
  game: EastAsiaTomorrow,
  lobby: eastAsiaLobby,
  checkArgs,
  bot: eastAsiaBot,
};
