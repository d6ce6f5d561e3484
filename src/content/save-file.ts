/**
 * The saved-game file `eat-save/1`: format tag, scenario, seat variant, seed and the ordered actions
 * (seats' moves and the White Cell's powers). One schema for every reader: the CLI and sim (Node),
 * the browser (load, replay) and the report; pure zod so that each of them may import it.
 */
import { z } from 'zod';
import { MOVES, SEATS, WHITE_MOVES } from './ids';
import { findJsonSyntaxError } from './json-syntax';

export const SAVE_FORMAT = 'eat-save/1';

const handicapSchema = z
  .object({ ap: z.number().int(), roll: z.number().int(), margin: z.number().int().optional() })
  .strict();

/** A missing field says so, instead of "unknown seat undefined". */
const unknown = (what: string) => (i: { input: unknown }) =>
  i.input === undefined ? `${what} is missing` : `unknown ${what} ${JSON.stringify(i.input)}`;

export const saveActionSchema = z
  .object({
    /** boardgame.io playerID that sent the move. */
    player: z.string().regex(/^[0-4]$/, 'player must be a playerID "0".."4"'),
    /** The seat (role) the move was made for; `white` for the White Cell's powers. */
    seat: z.enum([...SEATS, 'white'] as const, { error: unknown('seat') }),
    move: z.enum([...MOVES, ...WHITE_MOVES] as const, { error: unknown('move') }),
    args: z.array(z.unknown()),
    /** The bot's one-line reason, when a bot made the move. */
    why: z.string().optional(),
  })
  .strict();

export const saveFileSchema = z
  .object({
    format: z.literal(SAVE_FORMAT, { error: `format must be "${SAVE_FORMAT}"` }),
    scenario: z.string().min(1),
    variant: z.literal([2, 3, 4], { error: 'variant must be 2, 3 or 4' }),
    seed: z.string().min(1),
    /** The last playerID is the White Cell (numPlayers = variant + 1). */
    whiteCell: z.boolean().optional(),
    /** Difficulty bonuses given at setup; needed to replay bot games exactly. */
    handicap: z.partialRecord(z.enum(SEATS), handicapSchema).optional(),
    /** Who played each seat (informational), e.g. `{ "china": "scripted:3" }`. */
    bots: z.partialRecord(z.enum(SEATS), z.string()).optional(),
    /** The seminar's study question (chosen from the scenario's or written at setup); the report answers it. */
    study: z
      .object({ question: z.string().trim().min(1, 'the study question is empty').max(500) })
      .strict()
      .optional(),
    /** Hotwash prompts as the facilitator edited them (the report proposes its own when absent). */
    hotwash: z.array(z.string().trim().min(1).max(1000)).max(40).optional(),
    actions: z.array(saveActionSchema),
    /** SHA-256 of the canonical JSON of the final G (src/rules/canonical-json.ts). */
    finalHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'finalHash must be 64 lowercase hex digits')
      .optional(),
  })
  .strict()
  .superRefine((save, ctx) => {
    // A White Cell power in a game without one could never replay.
    if (save.whiteCell) return;
    const i = save.actions.findIndex((a) => a.seat === 'white');
    if (i >= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['actions', i, 'seat'],
        message: 'a White Cell action, but the game has no White Cell (set "whiteCell": true)',
      });
  });

export type SaveAction = z.infer<typeof saveActionSchema>;
export type SaveFile = z.infer<typeof saveFileSchema>;

export class SaveFileError extends Error {}

/** `actions.3.move` → `actions.3.move (action 4)`: the field, and the action as a person counts it. */
function where(path: readonly PropertyKey[]): string {
  if (!path.length) return '(root)';
  const text = path.map(String).join('.');
  return path[0] === 'actions' && typeof path[1] === 'number' ? `${text} (action ${path[1] + 1})` : text;
}

/**
 * Parses a saved game's text. On bad input throws a SaveFileError naming `source` and listing every
 * problem with its field (and action number), or the line and column of a JSON syntax error.
 */
export function parseSaveFile(text: string, source = 'saved game'): SaveFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const at = findJsonSyntaxError(text);
    throw new SaveFileError(
      `${source}: not valid JSON (${at ? `line ${at.line}, column ${at.column}: ${at.message}` : (err as Error).message})`,
    );
  }
  const parsed = saveFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${where(i.path)}: ${i.message}`);
    throw new SaveFileError(`${source}: not a valid ${SAVE_FORMAT} file:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
