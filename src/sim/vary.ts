/**
 * Assumption sweeps: vary a scenario's parameters (starting tracks, partnerships, turns, China's
 * posture, special rules, each seat's bot) one at a time around the scenario as written, or as a full
 * grid, and play every cell on the SAME seed list, so cells compare game by game. Each cell is an
 * ordinary sweep (sweep.ts), so its figures do not depend on the number of workers.
 */
import { PARTNERS, SEATS, TRACKS, type Partner, type Seat, type Track } from '../content/ids';
import { parseBotSpec, BotSpecError, formatBotSpec, type BotSpec } from '../content/bot-spec';
import { KNOWN_SPECIALS, parseScenario, scenarioById } from '../content/scenario';
import type { Scenario } from '../content/schemas';
import type { GameState } from '../rules';
import { scoringSeats, type SweepSummary } from './stats';

export class VaryError extends Error {}

/** What one parameter changes. */
export type VaryTarget =
  | { kind: 'track'; track: Track }
  | { kind: 'partnership'; partner: Partner }
  | { kind: 'turns' }
  | { kind: 'posture' }
  | { kind: 'special'; special: string }
  | { kind: 'bot'; seat: Seat };

export interface VaryParam {
  /** As written on the command line, e.g. `tracks.tension`. */
  name: string;
  target: VaryTarget;
  /** The values as written, e.g. `['3', '4', '5']` or `['on', 'off']`. */
  values: string[];
}

/** One cell: a value for some of the parameters (the rest stay as the scenario has them). */
export type Assignment = Record<string, string>;

/** The changes one cell makes to the scenario (or to a saved position) and to the bots. */
export interface ScenarioPatch {
  tracks?: Partial<Record<Track, number>>;
  partnership?: Partial<Record<Partner, number>>;
  turns?: number;
  posture?: 'restraint' | 'coercion';
  specials?: Record<string, boolean>;
}

const START_TRACKS = Object.keys(TRACKS).filter((t) => t !== 'exports') as Track[];
export const VARY_USAGE = `--vary PARAM=V1,V2,... (repeatable; add --grid for every combination):
    tracks.<${START_TRACKS.join('|')}>=N,...   partnership.<${PARTNERS.join('|')}>=N,...
    turns=N,...   posture=restraint,coercion   special.<id>=on,off   bots.<${SEATS.join('|')}>=SPEC,...`;

function target(name: string): VaryTarget {
  const [head, rest] = name.split(/\.(.*)/s) as [string, string | undefined];
  const unknown = (what: string, known: readonly string[]) =>
    new VaryError(`--vary ${name}: unknown ${what} "${rest}" (known: ${known.join(', ')})`);
  switch (head) {
    case 'tracks':
      if (!START_TRACKS.includes(rest as Track)) throw unknown('track', START_TRACKS);
      return { kind: 'track', track: rest as Track };
    case 'partnership':
      if (!PARTNERS.includes(rest as Partner)) throw unknown('partner', PARTNERS);
      return { kind: 'partnership', partner: rest as Partner };
    case 'special':
      if (!(KNOWN_SPECIALS as readonly string[]).includes(rest ?? '')) throw unknown('special rule', KNOWN_SPECIALS);
      return { kind: 'special', special: rest! };
    case 'bots':
      if (!SEATS.includes(rest as Seat)) throw unknown('seat', SEATS);
      return { kind: 'bot', seat: rest as Seat };
    case 'turns':
    case 'posture':
      if (rest !== undefined) throw new VaryError(`--vary ${name}: "${head}" takes no ".${rest}"`);
      return { kind: head };
    default:
      throw new VaryError(
        `--vary ${name}: unknown parameter (use tracks.X, partnership.X, turns, posture, special.X or bots.SEAT)`,
      );
  }
}

/** Parses `--vary NAME=V1,V2` (values checked against their kind; ranges are checked per scenario). */
export function parseVary(text: string): VaryParam {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new VaryError(`--vary must look like PARAM=V1,V2,..., got "${text}"`);
  const name = text.slice(0, eq).trim();
  const values = text
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim());
  const t = target(name);
  if (values.length < 2 || values.some((v) => v === ''))
    throw new VaryError(
      `--vary ${name}: give at least two non-empty values separated by commas, got "${text.slice(eq + 1)}"`,
    );
  if (new Set(values).size !== values.length) throw new VaryError(`--vary ${name}: a value is listed twice`);
  for (const v of values) {
    const bad = (what: string) => new VaryError(`--vary ${name}: "${v}" is not ${what}`);
    if ((t.kind === 'track' || t.kind === 'partnership' || t.kind === 'turns') && !/^-?[0-9]+$/.test(v))
      throw bad('a whole number');
    if (t.kind === 'posture' && v !== 'restraint' && v !== 'coercion') throw bad('restraint or coercion');
    if (t.kind === 'special' && v !== 'on' && v !== 'off') throw bad('on or off');
    if (t.kind === 'bot')
      try {
        parseBotSpec(v, `--vary ${name}`);
      } catch (err) {
        if (err instanceof BotSpecError) throw new VaryError(err.message);
        throw err;
      }
  }
  return { name, target: t, values };
}

/** The cells: the scenario as written, then each parameter's values one at a time (or the full grid). */
export function cells(params: readonly VaryParam[], grid: boolean): Assignment[] {
  const names = new Set<string>();
  for (const p of params) {
    if (names.has(p.name)) throw new VaryError(`--vary ${p.name} is given twice; list all its values in one --vary`);
    names.add(p.name);
  }
  if (!grid) return [{}, ...params.flatMap((p) => p.values.map((v) => ({ [p.name]: v })))];
  return params.reduce<Assignment[]>(
    (acc, p) => acc.flatMap((a) => p.values.map((v) => ({ ...a, [p.name]: v }))),
    [{}],
  );
}

/** A cell's scenario changes and bots. */
export function applyAssignment(
  params: readonly VaryParam[],
  assignment: Assignment,
  bots: Record<Seat, BotSpec>,
): { patch: ScenarioPatch; bots: Record<Seat, BotSpec> } {
  const patch: ScenarioPatch = {};
  const cellBots = { ...bots };
  for (const p of params) {
    const v = assignment[p.name];
    if (v === undefined) continue;
    const t = p.target;
    if (t.kind === 'track') patch.tracks = { ...patch.tracks, [t.track]: Number(v) };
    else if (t.kind === 'partnership') patch.partnership = { ...patch.partnership, [t.partner]: Number(v) };
    else if (t.kind === 'turns') patch.turns = Number(v);
    else if (t.kind === 'posture') patch.posture = v as 'restraint' | 'coercion';
    else if (t.kind === 'special') patch.specials = { ...patch.specials, [t.special]: v === 'on' };
    else cellBots[t.seat] = parseBotSpec(v, `--vary ${p.name}`);
  }
  return { patch, bots: cellBots };
}

const withSpecials = (specials: readonly string[], changes: Record<string, boolean> | undefined): string[] =>
  Object.entries(changes ?? {}).reduce(
    (acc, [id, on]) => (on ? (acc.includes(id) ? acc : [...acc, id]) : acc.filter((s) => s !== id)),
    [...specials],
  );

/** The scenario with a cell's changes, checked as a scenario file is (every problem, with its path). */
export function patchScenario(id: string, patch: ScenarioPatch): Scenario {
  const base = scenarioById(id);
  if (!base) throw new VaryError(`unknown scenario "${id}"`);
  const raw = {
    ...base,
    variants: base.variants.map(String), // the file's form: the schema turns them into numbers
    tracks: { ...base.tracks, ...patch.tracks },
    partnership: { ...base.partnership, ...patch.partnership },
    turns: patch.turns ?? base.turns,
    chinaPosture: patch.posture ?? base.chinaPosture,
    specials: withSpecials(base.specials, patch.specials),
  };
  const parsed = parseScenario(raw);
  if (!parsed.ok)
    throw new VaryError(
      `the varied scenario is not valid: ${parsed.problems.map((p) => `${p.path.replace(/^\$\./, '')}: ${p.message}`).join('; ')}`,
    );
  return parsed.scenario;
}

/** A saved position with a cell's changes: only what a position still has (tracks, special rules). */
export function patchPosition(position: GameState, patch: ScenarioPatch): GameState {
  for (const key of ['partnership', 'turns', 'posture'] as const)
    if (patch[key] !== undefined)
      throw new VaryError(
        `--vary ${key === 'partnership' ? 'partnership.*' : key} cannot change a saved position (--from); vary tracks.*, special.* or bots.*`,
      );
  const G = structuredClone(position);
  for (const [track, value] of Object.entries(patch.tracks ?? {}) as [Track, number][]) {
    const [lo, hi] = TRACKS[track];
    if (value < lo || value > hi) throw new VaryError(`tracks.${track} ${value} is out of range ${lo}–${hi}`);
    G.tracks[track] = value;
  }
  G.specials = withSpecials(G.specials, patch.specials);
  return G;
}

/** One cell's outcome. */
export interface CellResult {
  assignment: Assignment;
  summary: SweepSummary;
}

/** How far one parameter moves one seat's win rate: its lowest and highest value over the cells. */
export interface Swing {
  param: string;
  seat: string;
  low: { value: string; winRate: number };
  high: { value: string; winRate: number };
  /** high − low, in win-rate points (0–1). */
  swing: number;
}

export interface Sensitivity {
  scenario: string;
  variant: number;
  seed: string;
  games: number;
  mode: 'one-at-a-time' | 'grid';
  params: { name: string; values: string[] }[];
  bots: Record<Seat, string>;
  from?: { turn: number };
  cells: {
    assignment: Assignment;
    seats: Record<string, { wins: number; winRate: number; ci95: [number, number]; meanMargin: number }>;
    war: { rate: number; ci95: [number, number] };
    meanTurns: number;
  }[];
  /** Per seat, parameters by swing, largest first (the tornado). */
  tornado: Record<string, Swing[]>;
}

/** The tornado: for each seat and parameter, the spread of win rates over that parameter's values. */
export function swings(
  params: readonly VaryParam[],
  results: readonly CellResult[],
  seats: readonly string[],
): Record<string, Swing[]> {
  const out: Record<string, Swing[]> = {};
  for (const seat of seats) {
    out[seat] = params
      .map((p) => {
        // Mean over the cells with each value (one cell each one at a time; a margin of the grid otherwise).
        const byValue = p.values.map((value) => {
          const hits = results.filter((r) => r.assignment[p.name] === value);
          const rate = hits.reduce((s, r) => s + (r.summary.seats[seat]?.winRate ?? 0), 0) / Math.max(1, hits.length);
          return { value, winRate: rate };
        });
        const low = byValue.reduce((a, b) => (b.winRate < a.winRate ? b : a));
        const high = byValue.reduce((a, b) => (b.winRate > a.winRate ? b : a));
        return { param: p.name, seat, low, high, swing: high.winRate - low.winRate };
      })
      .sort((a, b) => b.swing - a.swing || a.param.localeCompare(b.param));
  }
  return out;
}

export function sensitivity(
  header: {
    scenario: string;
    variant: number;
    seed: string;
    games: number;
    grid: boolean;
    bots: Record<Seat, BotSpec>;
    from?: { turn: number };
  },
  params: readonly VaryParam[],
  results: readonly CellResult[],
): Sensitivity {
  const seats = scoringSeats(header.variant as 2 | 3 | 4).map((s) =>
    header.variant === 2 && s === 'nato' ? 'nato' : s,
  );
  return {
    scenario: header.scenario,
    variant: header.variant,
    seed: header.seed,
    games: header.games,
    mode: header.grid ? 'grid' : 'one-at-a-time',
    params: params.map((p) => ({ name: p.name, values: p.values })),
    bots: Object.fromEntries(SEATS.map((s) => [s, formatBotSpec(header.bots[s])])) as Record<Seat, string>,
    ...(header.from ? { from: header.from } : {}),
    cells: results.map(({ assignment, summary }) => ({
      assignment,
      seats: Object.fromEntries(
        seats.map((s) => {
          const st = summary.seats[s]!;
          return [s, { wins: st.wins, winRate: st.winRate, ci95: st.ci95, meanMargin: st.meanMargin }];
        }),
      ),
      war: { rate: summary.warRate, ci95: summary.warCi95 },
      meanTurns: summary.meanTurns,
    })),
    tornado: swings(params, results, seats),
  };
}
