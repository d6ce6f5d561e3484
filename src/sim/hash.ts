/** The replay hash: SHA-256 hex of the canonical JSON (sorted keys, no undefined) of the final state. */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../rules';

export { canonicalJson };

/** SHA-256 (hex) of the canonical JSON of `state`. */
export function hashState(state: unknown): string {
  return createHash('sha256').update(canonicalJson(state)).digest('hex');
}
