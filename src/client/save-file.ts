/**
 * The saved-game file `eat-save/1` (seed + ordered actions), read and written in the browser.
 * Same shape as src/sim/save-file.ts (which the client may not import); files from `npm run sim` load here.
 */
import { z } from 'zod';
import { MOVES, SEATS } from '../content/ids';

export const SAVE_FORMAT = 'eat-save/1';

const handicapSchema = z.object({ ap: z.number().int(), roll: z.number().int() }).strict();
const actionSchema = z
  .object({
    player: z.string().regex(/^[0-4]$/, 'player must be a playerID "0".."4"'),
    seat: z.enum(SEATS),
    move: z.enum(MOVES),
    args: z.array(z.unknown()),
    why: z.string().optional(),
  })
  .strict();
const saveSchema = z
  .object({
    format: z.literal(SAVE_FORMAT),
    scenario: z.string().min(1),
    variant: z.literal([2, 3, 4]),
    seed: z.string().min(1),
    whiteCell: z.boolean().optional(),
    handicap: z.partialRecord(z.enum(SEATS), handicapSchema).optional(),
    bots: z.partialRecord(z.enum(SEATS), z.string()).optional(),
    actions: z.array(actionSchema),
    finalHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .strict();

export type SaveAction = z.infer<typeof actionSchema>;
export type SaveFile = z.infer<typeof saveSchema>;

/** Parses a saved game's text; the error names the file and lists every problem with its JSON path. */
export function parseSave(text: string, source = 'saved game'): SaveFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = saveSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    throw new Error(`${source}: not a valid ${SAVE_FORMAT} file:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/** JSON with keys sorted at every depth (the replay hash's canonical form, as in src/sim/hash.ts). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** SHA-256 hex of the canonical JSON of a state (Web Crypto). */
export async function hashState(state: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(state));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
