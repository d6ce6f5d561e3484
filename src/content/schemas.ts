/** zod schemas for every content file: the map, injects, national priorities and scenarios. */
import { z } from 'zod';
import { EffectSchema } from './effects';
import { PARTNERS, PORTS, SEATS, SEA_ZONES, SPACES, THEATERS, TRACK_IDS, UNIT_KINDS, VARIANTS } from './ids';

const lonLat = z.tuple([z.number().min(-180).max(360), z.number().min(-90).max(90)]);

export const SpaceSchema = z.object({
  id: z.enum(SPACES),
  name: z.string().min(1),
  kind: z.enum(['sea', 'land']),
  /** Theater for deterrence and scoring; null for spaces outside every theater. */
  theater: z.enum(THEATERS).nullable(),
  /** Outline in [longitude, latitude] pairs (longitudes may exceed 180 east of the date line). */
  polygon: z.array(lonLat).min(3),
  /** Further outlines of the same space (Great Britain, Hokkaido, New Zealand…); drawn like `polygon`. */
  islands: z.array(z.array(lonLat).min(3)).optional(),
  label: lonLat,
});
export type Space = z.infer<typeof SpaceSchema>;

export const LinkSchema = z.object({
  a: z.enum(SPACES),
  b: z.enum(SPACES),
  /** Movement cost for naval units (2 for the long route round Africa). */
  cost: z.number().int().min(1).max(3).default(1),
  /** `home-port`: only US units may use it (US-East — US-West). */
  kind: z.enum(['sea', 'coast', 'border', 'home-port']),
});
export type Link = z.infer<typeof LinkSchema>;

export const MapSchema = z.object({ spaces: z.array(SpaceSchema), links: z.array(LinkSchema) });
export type GameMap = z.infer<typeof MapSchema>;

export const InjectSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  text: z.string().min(1),
  /**
   * `incident` cards form the incident deck drawn on a FONOP's natural 1; `seminar` cards are never
   * shuffled in: a scenario's first injects or the White Cell bring them into play.
   */
  deck: z.enum(['main', 'incident', 'seminar']),
  effects: z.array(EffectSchema),
});
export type Inject = z.infer<typeof InjectSchema>;

/** A priority condition, checked at the end of the game (closed vocabulary). */
export const ConditionSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('trackAtLeast'),
    track: z.enum(TRACK_IDS as [string, ...string[]]),
    value: z.number().int(),
  }),
  z.object({
    op: z.literal('trackAtMost'),
    track: z.enum(TRACK_IDS as [string, ...string[]]),
    value: z.number().int(),
  }),
  z.object({ op: z.literal('partnershipAtLeast'), partner: z.enum(PARTNERS), value: z.number().int() }),
  z.object({ op: z.literal('portsControlledAtLeast'), value: z.number().int() }),
  z.object({ op: z.literal('faitAccompliAtLeast'), value: z.number().int() }),
  z.object({ op: z.literal('deterrenceAtLeast'), theater: z.enum(THEATERS), value: z.number().int() }),
  z.object({ op: z.literal('unitsInTheaterAtLeast'), theater: z.enum(THEATERS), value: z.number().int() }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

export const PrioritySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  seat: z.enum(SEATS),
  title: z.string().min(1),
  text: z.string().min(1),
  condition: ConditionSchema,
  /** Margin points when met at the end. */
  value: z.number().int().min(1).max(5),
});
export type Priority = z.infer<typeof PrioritySchema>;

const briefLine = z.string().trim().min(1).max(400);

/** A seat's red-team brief (src/content/data/briefs.json): its own view of its stakes, fears and costs. */
export const BriefSchema = z
  .object({
    seat: z.enum(SEATS),
    /** The seat's situation in its own words. */
    perspective: z.string().trim().min(1).max(1000),
    fears: z.array(briefLine).min(1).max(6),
    /** What each course of action costs the seat. */
    costs: z.array(briefLine).min(1).max(6),
    levers: z.array(briefLine).min(1).max(6),
    /** A short phrase from the article, with whose words they are. */
    quote: z.object({ text: briefLine, source: briefLine }).strict().optional(),
  })
  .strict();
export type Brief = z.infer<typeof BriefSchema>;

const partnershipStart = z.union([z.number().int().min(0).max(4), z.literal('untested')]);

export const ScenarioSchema = z.object({
  format: z.literal('eat-scenario/1'),
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  briefing: z.string().min(1),
  turns: z.number().int().min(1).max(12),
  variants: z.array(z.enum(VARIANTS.map(String) as ['2', '3', '4']).transform(Number)).min(1),
  tracks: z.object({
    tension: z.number().int(),
    internationalization: z.number().int(),
    cohesion: z.number().int(),
    ukraine: z.number().int(),
    stockpile: z.number().int(),
    taiwanCrisis: z.number().int(),
    dprkThreat: z.number().int(),
    exposure: z.number().int(),
    /** Two-seat variant only: where the shared victory-point track starts (balance). */
    vp: z.number().int().default(0),
  }),
  partnership: z.object({
    japan: partnershipStart,
    korea: partnershipStart,
    'australia-nz': partnershipStart,
    india: partnershipStart,
  }),
  chinaPosture: z.enum(['restraint', 'coercion']),
  units: z.array(
    z.object({
      kind: z.enum(UNIT_KINDS),
      space: z.enum(SPACES),
      turns: z.number().int().min(1).nullable().default(null),
    }),
  ),
  grayZone: z.array(z.object({ space: z.enum(SEA_ZONES), count: z.number().int().min(1) })),
  influence: z.array(z.object({ port: z.enum(PORTS), china: z.number().int().min(0), west: z.number().int().min(0) })),
  deterrence: z.array(z.object({ theater: z.enum(THEATERS), value: z.number().int(), source: z.string().min(1) })),
  /** Inject ids placed on top of the shuffled deck, first drawn first. */
  firstInjects: z.array(z.string()),
  /** Special rules by id; the rules know each id (see docs/RULES.md §Scenarios). */
  specials: z.array(z.string()),
  /** Questions a seminar on this scenario might study, offered at setup (the facilitator may write another). */
  studyQuestions: z.array(z.string().trim().min(1).max(300)).max(8).default([]),
  /** A teaching scenario (the guided first game): left out of the scenario lists, balance sweeps and targets. */
  tutorial: z.boolean().default(false),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
