/** Turning schema issues and cross-reference checks into `{ path, message }` problems a facilitator can act on. */
import type { z } from 'zod';
import { SPACES as SPACE_IDS, type SeaZone } from './ids';

/** The contested zones where gray-zone markers may lie (docs/DESIGN.md §5, Gray-zone). */
export const GRAY_ZONE_SPACES: readonly SeaZone[] = ['south-china-sea', 'taiwan-strait', 'east-china-sea'];

export interface Problem {
  /** JSON path of the offending value, e.g. `$.tracks.tension` or `$.units[2].space`. */
  path: string;
  message: string;
  /** For JSON syntax errors: where in the file (1-based). */
  line?: number;
  column?: number;
}

/** `['units', 2, 'space']` → `$.units[2].space`; keys that are not identifiers get brackets. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (typeof k === 'string' && /^[A-Za-z_$][\w$]*$/.test(k)) out += `.${k}`;
    else out += `['${String(k)}']`;
  }
  return out;
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Up to three known ids close to `given` (edit distance or shared prefix), for "did you mean". */
export function nearIds(given: string, known: readonly string[]): string[] {
  const g = given.toLowerCase();
  const close = known
    .map((k) => ({ k, d: levenshtein(g, k.toLowerCase()) }))
    .filter(
      ({ k, d }) =>
        d <= Math.max(2, Math.floor(k.length / 3)) || (g.length >= 3 && (k.startsWith(g) || g.startsWith(k))),
    )
    .sort((a, b) => a.d - b.d)
    .map(({ k }) => k);
  if (close.length) return close.slice(0, 3);
  // Otherwise ids sharing a word ("kishida-goes-to-kyiv" → "kishida-in-kyiv").
  const words = new Set(g.split('-').filter((w) => w.length >= 4));
  return known.filter((k) => k.split('-').some((w) => words.has(w))).slice(0, 3);
}

export function unknownIdMessage(what: string, given: unknown, known: readonly string[]): string {
  if (typeof given !== 'string') return `${what} must be a string id, got ${describe(given)}`;
  const near = nearIds(given, known);
  return (
    `unknown ${what} "${given}"` +
    (near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : `; known: ${known.join(', ')}`)
  );
}

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

const WHAT_BY_FIELD: Record<string, string> = {
  space: 'space',
  kind: 'unit kind',
  port: 'port',
  theater: 'theater',
  chinaPosture: 'China posture',
  format: 'format',
};

/** One schema issue in plain words. */
export function describeIssue(issue: z.core.$ZodIssue, raw: unknown): Problem {
  const path = jsonPath(issue.path);
  const value = valueAt(raw, issue.path);
  const field = [...issue.path].reverse().find((k) => typeof k === 'string') as string | undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { path, message: `missing field "${field ?? '?'}" (expected ${issue.expected})` };
      return { path, message: `expected ${issue.expected}, got ${describe(value)}` };
    case 'invalid_value': {
      const known = issue.values.map(String);
      if (field === 'space' && issue.path[0] === 'grayZone') {
        if (typeof value === 'string' && (SPACE_IDS as readonly string[]).includes(value)) {
          return { path, message: `gray-zone markers go only in ${GRAY_ZONE_SPACES.join(', ')}, not "${value}"` };
        }
        return {
          path,
          message: `${unknownIdMessage('space', value, GRAY_ZONE_SPACES)}; gray-zone markers go only in ${GRAY_ZONE_SPACES.join(', ')}`,
        };
      }
      if (issue.path[0] === 'variants')
        return { path, message: `unknown seat variant ${JSON.stringify(value)}; variants are "2", "3" and "4"` };
      if (field === 'format') return { path, message: `format must be "${known[0]}", got ${describe(value)}` };
      return { path, message: unknownIdMessage(WHAT_BY_FIELD[field ?? ''] ?? field ?? 'value', value, known) };
    }
    case 'invalid_union':
      if (issue.path[0] === 'partnership')
        return { path, message: `partnership must be a level 0–4 or "untested", got ${describe(value)}` };
      return { path, message: `invalid value ${describe(value)}` };
    case 'too_small':
      if (issue.origin === 'array')
        return { path, message: `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}` };
      if (issue.origin === 'string') return { path, message: 'must not be empty' };
      return { path, message: `${describe(value)} is below the minimum ${String(issue.minimum)}` };
    case 'too_big':
      return { path, message: `${describe(value)} is above the maximum ${String(issue.maximum)}` };
    case 'invalid_format':
      return { path, message: `${describe(value)} is not a valid id (lower-case letters, digits and hyphens only)` };
    default:
      return { path, message: issue.message };
  }
}
