/** The saved-game file (issue 2 item 7): format tag, scenario, seat variant, seed, ordered actions. */
import { z } from 'zod';
import { MOVES, SEATS, WHITE_MOVES } from '../content/ids';

export const SAVE_FORMAT = 'eat-save/1';

const handicapSchema = z.object({ ap: z.number().int(), roll: z.number().int() }).strict();

export const saveActionSchema = z
  .object({
    /** boardgame.io playerID that sent the move. */
    player: z.string().regex(/^[0-4]$/, 'player must be a playerID "0".."4"'),
    /** The seat (role) the move was made for; `white` for the White Cell's powers. */
    seat: z.enum([...SEATS, 'white'] as const, { error: (i) => `unknown seat ${JSON.stringify(i.input)}` }),
    move: z.enum([...MOVES, ...WHITE_MOVES] as const, { error: (i) => `unknown move ${JSON.stringify(i.input)}` }),
    args: z.array(z.unknown()),
    /** The bot's one-line reason, when a bot made the move. */
    why: z.string().optional(),
  })
  .strict();

export const saveFileSchema = z
  .object({
    format: z.literal(SAVE_FORMAT),
    scenario: z.string().min(1),
    variant: z.literal([2, 3, 4], { error: 'variant must be 2, 3 or 4' }),
    seed: z.string().min(1),
    whiteCell: z.boolean().optional(),
    /** Difficulty bonuses given at setup; needed to replay bot games exactly. */
    handicap: z.partialRecord(z.enum(SEATS), handicapSchema).optional(),
    /** Who played each seat (informational), e.g. `{ "china": "scripted:3" }`. */
    bots: z.partialRecord(z.enum(SEATS), z.string()).optional(),
    actions: z.array(saveActionSchema),
    /** SHA-256 of the canonical JSON of the final G (see hash.ts). */
    finalHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'finalHash must be 64 lowercase hex digits')
      .optional(),
  })
  .strict();

export type SaveAction = z.infer<typeof saveActionSchema>;
export type SaveFile = z.infer<typeof saveFileSchema>;

export class SaveFileError extends Error {}

/** Parses a saved game's text; the error lists every problem with its JSON path. */
export function parseSaveFile(text: string, source = 'saved game'): SaveFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new SaveFileError(`${source}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = saveFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    throw new SaveFileError(`${source}: not a valid ${SAVE_FORMAT} file:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
