/** `--bots` specs: `seat=kind[:level]`, comma-separated, e.g. `nato=scripted:3,china=expert`. */
import { SEATS, type Seat } from '../content/ids';

export const BOT_KINDS = ['random', 'scripted', 'expert'] as const;
export type BotKind = (typeof BOT_KINDS)[number];

export interface BotSpec {
  kind: BotKind;
  /** Difficulty 1–6. */
  level: number;
}

/** Every seat not named in `--bots` gets this. */
export const DEFAULT_BOT: BotSpec = { kind: 'scripted', level: 3 };

export class BotSpecError extends Error {}

/** `scripted:3`, `expert:3`; `random` has no level (it plays with no difficulty bonus). */
export function formatBotSpec(spec: BotSpec): string {
  return spec.kind === 'random' ? 'random' : `${spec.kind}:${spec.level}`;
}

/** Parses one `kind[:level]`; `where` names it in the error. */
export function parseBotKind(text: string, where: string): BotSpec {
  const [kind, level, ...rest] = text.split(':');
  if (rest.length > 0 || kind === undefined) throw new BotSpecError(`${where}: "${text}" is not kind[:level]`);
  if (!(BOT_KINDS as readonly string[]).includes(kind)) {
    throw new BotSpecError(`${where}: unknown bot kind "${kind}" (expected ${BOT_KINDS.join(', ')})`);
  }
  if (level === undefined) return { kind: kind as BotKind, level: DEFAULT_BOT.level };
  if (!/^[1-6]$/.test(level)) throw new BotSpecError(`${where}: level "${level}" must be an integer from 1 to 6`);
  return { kind: kind as BotKind, level: Number(level) };
}

/** Parses the whole `--bots` value into a spec for every seat (unnamed seats get DEFAULT_BOT). */
export function parseBotSpecs(text: string | undefined, fallback: BotSpec = DEFAULT_BOT): Record<Seat, BotSpec> {
  const out = Object.fromEntries(SEATS.map((s) => [s, { ...fallback }])) as Record<Seat, BotSpec>;
  if (text === undefined) return out;
  const named = new Set<string>();
  for (const part of text.split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    if (eq <= 0) throw new BotSpecError(`--bots: "${item}" is not seat=kind[:level]`);
    const seat = item.slice(0, eq);
    if (!(SEATS as readonly string[]).includes(seat)) {
      throw new BotSpecError(`--bots: unknown seat "${seat}" (expected ${SEATS.join(', ')})`);
    }
    if (named.has(seat)) throw new BotSpecError(`--bots: seat "${seat}" is named twice`);
    named.add(seat);
    out[seat as Seat] = parseBotKind(item.slice(eq + 1), `--bots ${seat}`);
  }
  return out;
}
