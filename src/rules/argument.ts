/** A matrix-style argument's shape, parsed at the boundary: it is a person's free text plus typed effects. */
import { z } from 'zod';
import { EffectSchema } from '../content/effects';

export const ArgumentSchema = z.object({
  action: z.string().trim().min(1).max(500),
  result: z.string().trim().min(1).max(500),
  reasons: z.string().trim().min(1).max(1500),
  effects: z.array(EffectSchema).min(1).max(6),
});
