/**
 * A bot specification: which bot plays a seat, at which difficulty. One grammar for the CLI's
 * `--bots`, the start screen, the online lobby and the `bots` labels of save files:
 * `scripted:N` (the flowchart), `expert:N` (the search), `random` (the baseline); `N` alone is
 * `scripted:N` and a missing level is 3. A level means the same for every kind: level N's setup bonus
 * and share of random moves (src/ai/difficulty.ts DIFFICULTY), so `expert` is `expert:3` everywhere.
 * The sweep lab adds `probe:POLICY`, a one-track policy probe at level 3 (src/content/probes.ts), and
 * `--bots all=SPEC` for every seat not named on its own.
 */
import { SEATS, type Seat } from './ids';
import { PROBES, probeNames } from './probes';

export const BOT_KINDS = ['random', 'scripted', 'expert', 'probe'] as const;
export type BotKind = (typeof BOT_KINDS)[number];

export const BOT_LEVELS = [1, 2, 3, 4, 5, 6] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

/** `random` plays with no level: no bonus, every move at random. A probe plays at level 3. */
export type BotSpec =
  | { kind: 'random' }
  | { kind: 'scripted' | 'expert'; level: BotLevel }
  | { kind: 'probe'; level: BotLevel; policy: string };

/** Level 3 is the canonical flowchart with no bonus, the footing balance is measured at. */
export const DEFAULT_LEVEL: BotLevel = 3;
/** Every seat not named in `--bots` gets this. */
export const DEFAULT_BOT: BotSpec = { kind: 'scripted', level: DEFAULT_LEVEL };

/** The bots a player may choose from (start screen, online lobby), weakest first. */
export const BOT_CHOICES: readonly BotSpec[] = [
  ...BOT_LEVELS.map((level) => ({ kind: 'scripted' as const, level })),
  { kind: 'expert', level: DEFAULT_LEVEL },
  { kind: 'random' },
];

export class BotSpecError extends Error {}

/** The canonical text: `scripted:3`, `expert:3`, `random`, `probe:ukraine`. */
export function formatBotSpec(spec: BotSpec): string {
  if (spec.kind === 'probe') return `probe:${spec.policy}`;
  return spec.kind === 'random' ? 'random' : `${spec.kind}:${spec.level}`;
}

/** The short name a menu or the online lobby uses: `3`, `expert`, `random` (`expert:5` off level 3). */
export function shortBotName(spec: BotSpec): string {
  if (spec.kind === 'random' || spec.kind === 'probe') return formatBotSpec(spec);
  if (spec.kind === 'scripted') return String(spec.level);
  return spec.level === DEFAULT_LEVEL ? 'expert' : formatBotSpec(spec);
}

/** Words for a person: `level 3`, `expert`, `expert, level 5`, `random`. */
export function botWords(spec: BotSpec): string {
  if (spec.kind === 'random') return 'random';
  if (spec.kind === 'probe') return `policy probe (${spec.policy})`;
  if (spec.kind === 'scripted') return `level ${spec.level}`;
  return spec.level === DEFAULT_LEVEL ? 'expert' : `expert, level ${spec.level}`;
}

/** Save files written before this grammar: online games wrote `server:<short name>`. */
const LEGACY_PREFIX = 'server:';

/** Parses one spec in any spelling above (`where` names it in the error). */
export function parseBotSpec(text: string, where: string): BotSpec {
  const body = text.startsWith(LEGACY_PREFIX) ? text.slice(LEGACY_PREFIX.length) : text;
  if (/^[0-9]+$/.test(body)) return { kind: 'scripted', level: parseLevel(body, where) };
  const [kind, level, ...rest] = body.split(':');
  if (rest.length > 0 || kind === undefined) throw new BotSpecError(`${where}: "${text}" is not kind[:level]`);
  if (!(BOT_KINDS as readonly string[]).includes(kind))
    throw new BotSpecError(`${where}: unknown bot kind "${kind}" (expected ${BOT_KINDS.join(', ')})`);
  if (kind === 'probe') return parseProbe(level, where);
  const n = level === undefined ? DEFAULT_LEVEL : parseLevel(level, where);
  // `random:N` is read (older command lines wrote it) but the random bot has no level to keep.
  return kind === 'random' ? { kind: 'random' } : { kind: kind as 'scripted' | 'expert', level: n };
}

/** `probe:POLICY`: a policy some seat has (parseBotSpecs checks it against the seat it is for). */
function parseProbe(policy: string | undefined, where: string): BotSpec {
  const known = [...new Set(SEATS.flatMap(probeNames))];
  if (policy === undefined || policy === '')
    throw new BotSpecError(`${where}: probe needs a policy, probe:POLICY (one of ${known.join(', ')})`);
  if (!known.includes(policy))
    throw new BotSpecError(`${where}: unknown probe "${policy}" (known: ${known.join(', ')})`);
  return { kind: 'probe', level: DEFAULT_LEVEL, policy };
}

/** A probe's policy must be one of its seat's. */
function checkSeat(spec: BotSpec, seat: Seat, where: string): BotSpec {
  if (spec.kind === 'probe' && !Object.hasOwn(PROBES[seat], spec.policy))
    throw new BotSpecError(
      `${where}: unknown probe "${spec.policy}" for ${seat} (expected ${probeNames(seat).join(', ')})`,
    );
  return spec;
}

function parseLevel(level: string, where: string): BotLevel {
  if (!/^[1-6]$/.test(level)) throw new BotSpecError(`${where}: level "${level}" must be an integer from 1 to 6`);
  return Number(level) as BotLevel;
}

/** The `--bots` key that sets every seat not named on its own. */
export const ALL_SEATS = 'all';

/**
 * Parses a whole `--bots` value (`seat=spec,…`, `all=spec`) into a spec for every seat: a seat named on
 * its own gets its spec wherever it stands in the list, the others `all=`'s, else `fallback`.
 */
export function parseBotSpecs(text: string | undefined, fallback: BotSpec = DEFAULT_BOT): Record<Seat, BotSpec> {
  const out = Object.fromEntries(SEATS.map((s) => [s, { ...fallback }])) as Record<Seat, BotSpec>;
  if (text === undefined) return out;
  const named = new Map<string, string>();
  for (const part of text.split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    if (eq <= 0) throw new BotSpecError(`--bots: "${item}" is not seat=kind[:level]`);
    const seat = item.slice(0, eq);
    if (seat !== ALL_SEATS && !(SEATS as readonly string[]).includes(seat))
      throw new BotSpecError(`--bots: unknown seat "${seat}" (expected ${SEATS.join(', ')} or ${ALL_SEATS})`);
    if (named.has(seat)) throw new BotSpecError(`--bots: seat "${seat}" is named twice`);
    named.set(seat, item.slice(eq + 1));
  }
  const all = named.get(ALL_SEATS);
  for (const seat of SEATS) {
    const own = named.get(seat);
    const where = own !== undefined ? `--bots ${seat}` : `--bots ${ALL_SEATS} (for ${seat})`;
    const text = own ?? all;
    if (text !== undefined) out[seat] = checkSeat(parseBotSpec(text, where), seat, where);
  }
  return out;
}
