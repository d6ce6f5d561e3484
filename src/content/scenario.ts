/**
 * Scenario files: `parseScenario` turns raw JSON into a typed Scenario or lists EVERY problem at once
 * (schema errors and cross-references), each with its JSON path. The shipped scenarios are parsed at load.
 */
import baseline from '../../scenarios/baseline-2023.json';
import korea from '../../scenarios/korean-peninsula-crisis.json';
import taiwan from '../../scenarios/taiwan-strait-crisis.json';
import firstGame from '../../scenarios/first-game.json';
import { INJECTS, injectById } from './injects';
import { findJsonSyntaxError } from './json-syntax';
import { PARTNERS, SEA_ZONES, SPACES, TRACKS, type Track } from './ids';
import {
  describe,
  describeIssue,
  GRAY_ZONE_SPACES,
  jsonPath,
  nearIds,
  unknownIdMessage,
  type Problem,
} from './scenario-problems';
import { ScenarioSchema, type Scenario } from './schemas';
import { KNOWN_SPECIALS } from './specials';

export type { Problem } from './scenario-problems';
export { GRAY_ZONE_SPACES } from './scenario-problems';
export { KNOWN_SPECIALS, SPECIALS } from './specials';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** The starting tracks a scenario sets (exports always start at 0; vp, the two-seat track, defaults to 0). */
const START_TRACKS = [
  'tension',
  'internationalization',
  'cohesion',
  'ukraine',
  'stockpile',
  'taiwanCrisis',
  'dprkThreat',
  'exposure',
  'vp',
] as const satisfies readonly Track[];

/** Fields each object in a scenario may have; anything else is probably a typo. */
const FIELDS: Record<string, readonly string[]> = {
  $: [
    'format',
    'id',
    'name',
    'briefing',
    'turns',
    'variants',
    'tracks',
    'partnership',
    'chinaPosture',
    'units',
    'grayZone',
    'influence',
    'deterrence',
    'firstInjects',
    'specials',
    'tutorial',
    'studyQuestions',
  ],
  tracks: START_TRACKS,
  partnership: PARTNERS,
  units: ['kind', 'space', 'turns'],
  grayZone: ['space', 'count'],
  influence: ['port', 'china', 'west'],
  deterrence: ['theater', 'value', 'source'],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const SEA = new Set<string>(SEA_ZONES);
const MAIN_INJECT_IDS = INJECTS.filter((c) => c.deck === 'main').map((c) => c.id);
const KNOWN_SPACES = new Set<string>(SPACES);

function unknownFields(obj: unknown, allowed: readonly string[], path: PropertyKey[], out: Problem[]): void {
  if (!isObject(obj)) return;
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    out.push({ path: jsonPath([...path, key]), message: unknownIdMessage('field', key, allowed) });
  }
}

/** Checks a schema cannot express; written against the raw JSON so they run even when the schema fails. */
function crossCheck(raw: unknown): Problem[] {
  const out: Problem[] = [];
  if (!isObject(raw)) return out;
  unknownFields(raw, FIELDS.$!, [], out);
  unknownFields(raw.tracks, FIELDS.tracks!, ['tracks'], out);
  unknownFields(raw.partnership, FIELDS.partnership!, ['partnership'], out);
  for (const key of ['units', 'grayZone', 'influence', 'deterrence'] as const) {
    asArray(raw[key]).forEach((item, i) => unknownFields(item, FIELDS[key]!, [key, i], out));
  }

  // Each track within its range (ids.ts TRACKS).
  if (isObject(raw.tracks)) {
    for (const t of START_TRACKS) {
      const v = raw.tracks[t];
      const [lo, hi] = TRACKS[t];
      if (typeof v === 'number' && Number.isInteger(v) && (v < lo || v > hi))
        out.push({ path: jsonPath(['tracks', t]), message: `${t} ${v} is out of range ${lo}–${hi}` });
    }
  }

  // Naval units sail only in sea zones.
  asArray(raw.units).forEach((u, i) => {
    if (!isObject(u) || typeof u.space !== 'string' || !KNOWN_SPACES.has(u.space)) return;
    if (!SEA.has(u.space))
      out.push({
        path: jsonPath(['units', i, 'space']),
        message: `${typeof u.kind === 'string' ? u.kind : 'a naval unit'} is a naval unit and cannot be on the land space "${u.space}"; put it in a sea zone`,
      });
  });
  const countKinds = new Map<string, number[]>();
  asArray(raw.units).forEach((u, i) => {
    if (isObject(u) && typeof u.kind === 'string') countKinds.set(u.kind, [...(countKinds.get(u.kind) ?? []), i]);
  });
  // Unique assets: one Seventh Fleet, one UK patrol squadron, one UK carrier group.
  for (const kind of ['seventh-fleet', 'uk-opv', 'uk-csg']) {
    const at = countKinds.get(kind) ?? [];
    for (const i of at.slice(1))
      out.push({
        path: jsonPath(['units', i, 'kind']),
        message: `${kind} appears more than once (first at $.units[${at[0]}])`,
      });
  }

  // Gray-zone markers only in the contested zones, each zone listed once.
  const gzSeen = new Map<string, number>();
  asArray(raw.grayZone).forEach((g, i) => {
    if (!isObject(g) || typeof g.space !== 'string') return;
    if (KNOWN_SPACES.has(g.space) && !(GRAY_ZONE_SPACES as readonly string[]).includes(g.space)) {
      out.push({
        path: jsonPath(['grayZone', i, 'space']),
        message: `gray-zone markers go only in ${GRAY_ZONE_SPACES.join(', ')}, not "${g.space}"`,
      });
    }
    if (gzSeen.has(g.space))
      out.push({
        path: jsonPath(['grayZone', i, 'space']),
        message: `"${g.space}" is listed twice (also at $.grayZone[${gzSeen.get(g.space)}]); add the counts instead`,
      });
    else gzSeen.set(g.space, i);
  });

  const portSeen = new Map<string, number>();
  asArray(raw.influence).forEach((p, i) => {
    if (!isObject(p) || typeof p.port !== 'string') return;
    if (portSeen.has(p.port))
      out.push({
        path: jsonPath(['influence', i, 'port']),
        message: `port "${p.port}" is listed twice (also at $.influence[${portSeen.get(p.port)}])`,
      });
    else portSeen.set(p.port, i);
  });

  // Seat variants unique.
  const variantSeen = new Set<unknown>();
  asArray(raw.variants).forEach((v, i) => {
    if (variantSeen.has(v))
      out.push({ path: jsonPath(['variants', i]), message: `seat variant ${JSON.stringify(v)} is listed twice` });
    variantSeen.add(v);
  });

  // Specials and first injects must be known ids, each once.
  const specialSeen = new Set<string>();
  asArray(raw.specials).forEach((s, i) => {
    if (typeof s !== 'string') return;
    if (!(KNOWN_SPECIALS as readonly string[]).includes(s))
      out.push({ path: jsonPath(['specials', i]), message: unknownIdMessage('special rule', s, KNOWN_SPECIALS) });
    else if (specialSeen.has(s))
      out.push({ path: jsonPath(['specials', i]), message: `special rule "${s}" is listed twice` });
    else if (s.startsWith('two-seat-tie-') && [...specialSeen].some((t) => t.startsWith('two-seat-tie-')))
      out.push({
        path: jsonPath(['specials', i]),
        message: `special rule "${s}" contradicts the other two-seat tie rule`,
      });
    specialSeen.add(s);
  });
  const injectSeen = new Set<string>();
  asArray(raw.firstInjects).forEach((id, i) => {
    if (typeof id !== 'string') return;
    const card = injectById(id);
    if (!card) {
      const near = nearIds(id, MAIN_INJECT_IDS);
      out.push({
        path: jsonPath(['firstInjects', i]),
        message:
          `unknown inject "${id}"` + (near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : ''),
      });
    } else if (card.deck === 'incident')
      out.push({
        path: jsonPath(['firstInjects', i]),
        message: `inject "${id}" belongs to the incident deck, not the main deck`,
      });
    if (injectSeen.has(id))
      out.push({ path: jsonPath(['firstInjects', i]), message: `inject "${id}" is listed twice` });
    injectSeen.add(id);
  });
  return out;
}

/** Parse a scenario from raw JSON: the typed scenario, or every problem found, each with its JSON path. */
export function parseScenario(json: unknown): ScenarioResult {
  if (!isObject(json))
    return { ok: false, problems: [{ path: '$', message: `a scenario must be a JSON object, got ${describe(json)}` }] };
  const parsed = ScenarioSchema.safeParse(json);
  const problems: Problem[] = parsed.success ? [] : parsed.error.issues.map((issue) => describeIssue(issue, json));
  // Cross-checks name the same path more precisely (e.g. a gray-zone space); keep one problem per path and message.
  const seen = new Set(problems.map((p) => `${p.path}\u0000${p.message}`));
  for (const p of crossCheck(json)) {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) continue;
    // A gray-zone space the schema already rejected (not a sea zone) needs no second message.
    if (p.path.startsWith('$.grayZone') && problems.some((q) => q.path === p.path)) continue;
    seen.add(key);
    problems.push(p);
  }
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, scenario: parsed.data };
}

/** Parse a scenario file's text; JSON syntax errors are reported with line and column. */
export function loadScenarioFile(text: string, fileName: string): ScenarioResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const found = findJsonSyntaxError(text);
    const { line, column, message } = found ?? {
      line: 1,
      column: 1,
      message: e instanceof Error ? e.message : String(e),
    };
    return {
      ok: false,
      problems: [
        {
          path: '$',
          line,
          column,
          message: `${fileName} is not valid JSON: line ${line}, column ${column}: ${message}`,
        },
      ],
    };
  }
  return parseScenario(json);
}

function loadShipped(name: string, raw: unknown): Scenario {
  const r = parseScenario(raw);
  if (!r.ok)
    throw new Error(
      `Shipped scenario scenarios/${name}.json is broken:\n${r.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
    );
  if (r.scenario.id !== name)
    throw new Error(
      `Shipped scenario scenarios/${name}.json has id "${r.scenario.id}"; the id must match the file name`,
    );
  return r.scenario;
}

/** The shipped scenarios, parsed and cross-checked at load (a broken file fails loudly at startup). */
export const SCENARIOS: readonly Scenario[] = [
  loadShipped('baseline-2023', baseline),
  loadShipped('taiwan-strait-crisis', taiwan),
  loadShipped('korean-peninsula-crisis', korea),
  loadShipped('first-game', firstGame),
];

/** The scenarios people choose to play and the sweeps measure: every shipped one but the tutorial. */
export const PLAYED_SCENARIOS: readonly Scenario[] = SCENARIOS.filter((s) => !s.tutorial);

const byId = new Map(SCENARIOS.map((s) => [s.id, s]));

/** The shipped scenario with this id, or undefined. */
export function scenarioById(id: string): Scenario | undefined {
  return byId.get(id);
}
