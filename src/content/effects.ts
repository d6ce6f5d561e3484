/** The closed effect vocabulary: every inject, scenario special and White Cell change is a list of these. */
import { z } from 'zod';
import { PARTNERS, PORTS, SEATS, SPACES, THEATERS, TRACK_IDS } from './ids';

const seat = z.enum(SEATS);
const track = z.enum(TRACK_IDS as [string, ...string[]]);
const delta = z.number().int().min(-20).max(20);

/** A single typed change to the game. Interpreted in one place: `src/rules/effects.ts`. */
export const EffectSchema: z.ZodType<Effect> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('track'), track, delta }),
    z.object({ op: z.literal('partnership'), partner: z.enum(PARTNERS), pips: delta }),
    z.object({ op: z.literal('grayZone'), space: z.enum(SPACES), delta }),
    z.object({ op: z.literal('faitAccompli'), space: z.enum(SPACES), delta }),
    z.object({
      op: z.literal('deterrence'),
      theater: z.enum(THEATERS),
      delta,
      until: z.enum(['upkeep', 'summit', 'permanent']),
    }),
    z.object({ op: z.literal('influence'), port: z.enum(PORTS), side: z.enum(['china', 'west']), delta }),
    z.object({ op: z.literal('actionPoints'), seat, delta }),
    z.object({ op: z.literal('margin'), seat, delta }),
    z.object({
      op: z.literal('roll'),
      /** Succeeds when d6 + modifier >= target. */
      target: z.number().int().min(1).max(12),
      modifier: z.number().int().min(-6).max(6).default(0),
      success: z.array(EffectSchema),
      failure: z.array(EffectSchema),
    }),
    z.object({
      op: z.literal('choice'),
      seat,
      prompt: z.string().min(1),
      options: z
        .array(z.object({ label: z.string().min(1), effects: z.array(EffectSchema) }))
        .min(2)
        .max(4),
    }),
    z.object({
      op: z.literal('interpret'),
      prompt: z.string().min(1),
      readings: z
        .array(
          z.object({
            label: z.string().min(1),
            /** The table's die faces for this reading (used when no White Cell chooses). */
            faces: z.array(z.number().int().min(1).max(6)).min(1),
            effects: z.array(EffectSchema),
          }),
        )
        .min(2)
        .max(4)
        .refine(
          (readings) => [1, 2, 3, 4, 5, 6].every((f) => readings.filter((o) => o.faces.includes(f)).length === 1),
          "the readings' faces must share out 1–6, each face to exactly one reading",
        ),
    }),
  ]),
);

export type Effect =
  | { op: 'track'; track: string; delta: number }
  | { op: 'partnership'; partner: (typeof PARTNERS)[number]; pips: number }
  | { op: 'grayZone'; space: (typeof SPACES)[number]; delta: number }
  | { op: 'faitAccompli'; space: (typeof SPACES)[number]; delta: number }
  | { op: 'deterrence'; theater: (typeof THEATERS)[number]; delta: number; until: 'upkeep' | 'summit' | 'permanent' }
  | { op: 'influence'; port: (typeof PORTS)[number]; side: 'china' | 'west'; delta: number }
  | { op: 'actionPoints'; seat: (typeof SEATS)[number]; delta: number }
  | { op: 'margin'; seat: (typeof SEATS)[number]; delta: number }
  | { op: 'roll'; target: number; modifier: number; success: Effect[]; failure: Effect[] }
  | { op: 'choice'; seat: (typeof SEATS)[number]; prompt: string; options: { label: string; effects: Effect[] }[] }
  | { op: 'interpret'; prompt: string; readings: Reading[] };

/** One reading of an inject open to interpretation: what it means, the table's faces for it, its effects. */
export interface Reading {
  label: string;
  faces: number[];
  effects: Effect[];
}
