/** The red-team briefs: one page per seat, read at setup; China's gives Beijing's own costs and fears. */
import { z } from 'zod';
import briefData from './data/briefs.json';
import { SEATS, type Seat } from './ids';
import { BriefSchema, type Brief } from './schemas';

/** Parses the brief list: every problem with its place, and exactly one brief per seat. */
export function loadBriefs(raw: unknown, file = 'src/content/data/briefs.json'): Record<Seat, Brief> {
  const parsed = z.array(BriefSchema).safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  $[${i.path.join('.')}]: ${i.message}`);
    throw new Error(`${file} is not a valid brief list:\n${lines.join('\n')}`);
  }
  const out: Partial<Record<Seat, Brief>> = {};
  for (const [i, b] of parsed.data.entries()) {
    if (out[b.seat]) throw new Error(`${file}: $[${i}]: a second brief for ${b.seat}`);
    out[b.seat] = b;
  }
  for (const seat of SEATS) if (!out[seat]) throw new Error(`${file}: no brief for ${seat}`);
  return out as Record<Seat, Brief>;
}

export const BRIEFS: Readonly<Record<Seat, Brief>> = loadBriefs(briefData);
