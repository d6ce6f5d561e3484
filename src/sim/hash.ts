/** The replay hash: canonical JSON (sorted keys, no undefined) of the final state, SHA-256 hex. */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so equal states give equal text whatever key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** SHA-256 (hex) of the canonical JSON of `state`. */
export function hashState(state: unknown): string {
  return createHash('sha256').update(canonicalJson(state)).digest('hex');
}
