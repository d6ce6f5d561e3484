/**
 * Choosing a move's arguments one at a time from the legal-move list, by board click or by keyboard.
 * Pure: which values are open next, their words, and which board spaces stand for each value.
 */
import {
  PARTNERS,
  PORTS,
  SHELL_ROUTES,
  SPACES,
  THEATERS,
  UNIT_KINDS,
  type MoveName,
  type Partner,
  type SpaceId,
  type Theater,
} from '../content/ids';
import { MOVE_CATALOGUE } from '../content/moves';
import {
  PARTNER_NAMES,
  PORT_NAMES,
  SHELL_ROUTE_NAMES,
  THEATER_NAMES,
  spaceName,
  type Action,
  type GameState,
} from '../rules';
import { UNIT_NAMES } from './present-board';
import { MAP } from '../content/map';

export interface ArgOption {
  value: unknown;
  label: string;
  /** Board spaces that stand for this value (clicking one picks it). */
  spaces: SpaceId[];
}

export interface ArgStep {
  /** The argument being chosen, e.g. "theater" (null when the action is complete). */
  argName: string | null;
  options: ArgOption[];
  /** The whole action once every argument is chosen. */
  complete: Action | null;
}

const PARTNER_SPACE: Record<Partner, SpaceId> = {
  japan: 'japan',
  korea: 'south-korea',
  'australia-nz': 'australia-nz',
  india: 'india',
};
const isIn = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/** Words and board spaces for one argument value. */
export function describeValue(argName: string, value: unknown, G?: GameState): ArgOption {
  if (argName === 'option' && typeof value === 'number') {
    const p = G?.pending;
    const label =
      p?.kind === 'choice'
        ? p.options[value]?.label
        : p?.kind === 'futures'
          ? `Put “${p.cards[value] ?? value}” at the bottom`
          : undefined;
    return { value, label: label ?? `Option ${value + 1}`, spaces: [] };
  }
  if (argName === 'theater' && isIn(THEATERS, value))
    return {
      value,
      label: THEATER_NAMES[value as Theater],
      spaces: MAP.spaces.filter((s) => s.theater === value).map((s) => s.id),
    };
  if (isIn(PARTNERS, value) && argName !== 'zone')
    return { value, label: PARTNER_NAMES[value], spaces: [PARTNER_SPACE[value]] };
  if (isIn(PORTS, value)) return { value, label: PORT_NAMES[value], spaces: [value] };
  if (isIn(UNIT_KINDS, value)) return { value, label: UNIT_NAMES[value], spaces: [] };
  if (value === 'kyiv') return { value, label: 'Kyiv', spaces: ['ukraine'] };
  // A shell route is picked on the board where the shells go: Europe's arsenals or the front.
  if (isIn(SHELL_ROUTES, value))
    return { value, label: SHELL_ROUTE_NAMES[value], spaces: [value === 'to-kyiv' ? 'ukraine' : 'nato-europe'] };
  if (isIn(SPACES, value)) return { value, label: spaceName(value), spaces: [value] };
  if (isIn(THEATERS, value))
    return {
      value,
      label: THEATER_NAMES[value],
      spaces: MAP.spaces.filter((s) => s.theater === value).map((s) => s.id),
    };
  return { value, label: String(value), spaces: [] };
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The next step in choosing `move`'s arguments given those already `chosen`. */
export function nextArg(legal: readonly Action[], move: MoveName, chosen: readonly unknown[], G?: GameState): ArgStep {
  const matching = legal.filter((a) => a.move === move && chosen.every((c, i) => same(a.args[i], c)));
  const exact = matching.find((a) => a.args.length === chosen.length);
  if (exact) return { argName: null, options: [], complete: exact };
  const i = chosen.length;
  const argName = MOVE_CATALOGUE[move].args[i] ?? `argument ${i + 1}`;
  const seen: unknown[] = [];
  for (const a of matching) if (a.args.length > i && !seen.some((v) => same(v, a.args[i]))) seen.push(a.args[i]);
  return { argName, options: seen.map((v) => describeValue(argName, v, G)), complete: null };
}

/** The option a click on `space` picks, if any. */
export function optionForSpace(step: ArgStep, space: string): ArgOption | null {
  return step.options.find((o) => o.spaces.includes(space as SpaceId)) ?? null;
}
