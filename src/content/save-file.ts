/**
 * The saved-game file `eat-save/1`, in one place: its schema, `parseSaveFile` (every reader: CLI, sim,
 * browser, report), `buildSave` (every writer: headless play, the hot-seat game, the server's export)
 * and `hashState` (the final state's fingerprint). A file holds the format tag, the rules version it
 * was played under, scenario, seat variant, seed and the ordered actions (seats' moves and the White
 * Cell's powers). Pure, so each layer may import it. To extend it, add an optional field to
 * `saveFileSchema`: older files still parse, and `buildSave` passes the field through.
 */
import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { MOVES, SEATS, WHITE_MOVES } from './ids';
import { findJsonSyntaxError } from './json-syntax';
import { RULES_VERSION } from './rules-version';
import { sha256Hex } from './sha256';

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

/** Where a hotwash prompt comes from; 'facilitator' is one written without a citation. */
export const HOTWASH_SOURCES = ['study', 'swing', 'disagreement', 'white-cell', 'reading', 'facilitator'] as const;

const promptText = z.string().trim().min(1).max(1000);

/** A hotwash prompt and the action it cites (null: the study question, or a prompt without one). */
const hotwashPromptSchema = z
  .object({
    text: promptText,
    source: z.enum(HOTWASH_SOURCES, { error: unknown('hotwash source') }),
    action: z.number().int().nonnegative().nullable(),
    turn: z.number().int().positive().nullable(),
  })
  .strict();
export type HotwashPrompt = z.infer<typeof hotwashPromptSchema>;

/** The turning point a prompt cites, in words ("turn 3, action #12"), or '' for none. */
export function citation(p: HotwashPrompt): string {
  return p.action === null ? '' : `turn ${p.turn ?? '?'}, action #${p.action}`;
}

export const saveFileSchema = z
  .object({
    format: z.literal(SAVE_FORMAT, { error: `format must be "${SAVE_FORMAT}"` }),
    /** The rules version the game was played under (src/content/rules-version.ts); files before v2 have none. */
    rules: z.literal(RULES_VERSION, { error: `rules must be the rules version, ${RULES_VERSION}` }),
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
    /**
     * Hotwash prompts as the facilitator edited them, each keeping the action it cites (the report
     * proposes its own when absent); a bare text, as files before citations were kept, cites nothing.
     */
    hotwash: z
      .array(z.union([promptText, hotwashPromptSchema]))
      .max(40)
      .optional(),
    actions: z.array(saveActionSchema),
    /** `hashState` of the final G. */
    finalHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'finalHash must be 64 lowercase hex digits')
      .optional(),
  })
  .strict()
  .superRefine((save, ctx) => {
    // A prompt citing an action the game does not have would send the room to nothing.
    save.hotwash?.forEach((p, i) => {
      if (typeof p !== 'string' && p.action !== null && p.action >= save.actions.length)
        ctx.addIssue({
          code: 'custom',
          path: ['hotwash', i, 'action'],
          message: `cites action #${p.action}, but the game has ${save.actions.length} actions`,
        });
    });
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

/** The saved hotwash prompts, each with its citation (a bare text cites nothing). */
export function hotwashPrompts(save: Pick<SaveFile, 'hotwash'>): HotwashPrompt[] {
  return (save.hotwash ?? []).map((p) =>
    typeof p === 'string' ? { text: p, source: 'facilitator', action: null, turn: null } : { ...p },
  );
}

/** The fingerprint of a state: SHA-256 (hex) of its canonical JSON. Equal states, equal hashes. */
export function hashState(state: unknown): string {
  return sha256Hex(canonicalJson(state));
}

/** What a writer knows about a game; `buildSave` adds the format, the rules version and the final hash. */
export type SaveInput = Omit<SaveFile, 'format' | 'rules' | 'finalHash'>;

/**
 * The one way a saved game is made. `final` is the game's last state, whose hash lets a replay prove it
 * reached the same place; left out for a game still running. Empty optional fields are left out.
 */
export function buildSave(input: SaveInput, final?: unknown): SaveFile {
  const { scenario, variant, seed, whiteCell, handicap, bots, actions, ...extra } = input;
  return {
    format: SAVE_FORMAT,
    rules: RULES_VERSION,
    scenario,
    variant,
    seed,
    ...(whiteCell ? { whiteCell } : {}),
    ...(handicap && Object.keys(handicap).length ? { handicap } : {}),
    ...(bots && Object.keys(bots).length ? { bots } : {}),
    ...extra,
    actions: actions.map((a) => ({ ...a, args: [...a.args] })),
    ...(final !== undefined ? { finalHash: hashState(final) } : {}),
  };
}

/** A file from other rules would replay into a different game: refused by name before its fields are read. */
function checkRulesVersion(raw: unknown, source: string): void {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return;
  // Files saved before the version was recorded are rules version 1's.
  const version = (raw as { rules?: unknown }).rules ?? 1;
  if (typeof version === 'number' && version !== RULES_VERSION)
    throw new SaveFileError(
      `${source}: this game was played under rules version ${version}; this build plays rules version ${RULES_VERSION}, which would replay it into a different game, so it cannot be loaded`,
    );
}

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
  checkRulesVersion(raw, source);
  const parsed = saveFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${where(i.path)}: ${i.message}`);
    throw new SaveFileError(`${source}: not a valid ${SAVE_FORMAT} file:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
