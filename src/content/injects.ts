/** The inject deck (main cards drawn each turn, incident cards drawn on a FONOP's natural 1). */
import injectData from './data/injects.json';
import { InjectSchema, type Inject } from './schemas';
import { z } from 'zod';

function loadInjects(raw: unknown): Inject[] {
  const parsed = z.array(InjectSchema).safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  $[${i.path.join('.')}]: ${i.message}`);
    throw new Error(`src/content/data/injects.json is not a valid inject list:\n${lines.join('\n')}`);
  }
  const seen = new Set<string>();
  for (const c of parsed.data) {
    if (seen.has(c.id)) throw new Error(`injects.json: inject id "${c.id}" appears twice`);
    seen.add(c.id);
  }
  return parsed.data;
}

export const INJECTS: readonly Inject[] = loadInjects(injectData);

const byId = new Map(INJECTS.map((c) => [c.id, c]));

/** The inject with this id, or undefined for an unknown id. */
export function injectById(id: string): Inject | undefined {
  return byId.get(id);
}

export const INJECT_IDS: readonly string[] = INJECTS.map((c) => c.id);
