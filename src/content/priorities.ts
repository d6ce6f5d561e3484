/** National priorities: each seat draws one in secret at setup; met at the end, it adds its value to the margin. */
import { z } from 'zod';
import priorityData from './data/priorities.json';
import { SEATS, type Seat } from './ids';
import { PrioritySchema, type Priority } from './schemas';

function loadPriorities(raw: unknown): Priority[] {
  const parsed = z.array(PrioritySchema).safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  $[${i.path.join('.')}]: ${i.message}`);
    throw new Error(`src/content/data/priorities.json is not a valid priority list:\n${lines.join('\n')}`);
  }
  const seen = new Set<string>();
  for (const p of parsed.data) {
    if (seen.has(p.id)) throw new Error(`priorities.json: priority id "${p.id}" appears twice`);
    seen.add(p.id);
  }
  for (const seat of SEATS) {
    if (!parsed.data.some((p) => p.seat === seat)) throw new Error(`priorities.json: no priority for ${seat}`);
  }
  return parsed.data;
}

export const PRIORITIES: readonly Priority[] = loadPriorities(priorityData);

const bySeat = new Map<Seat, Priority[]>(SEATS.map((s) => [s, PRIORITIES.filter((p) => p.seat === s)]));
const byId = new Map(PRIORITIES.map((p) => [p.id, p]));

/** The priorities a seat may draw (never empty). */
export function prioritiesFor(seat: Seat): readonly Priority[] {
  return bySeat.get(seat) ?? [];
}

/** The priority with this id, or undefined for an unknown id. */
export function priorityById(id: string): Priority | undefined {
  return byId.get(id);
}
