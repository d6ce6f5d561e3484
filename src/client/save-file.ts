/**
 * The saved-game file in the browser: the one `eat-save/1` schema (src/content/save-file.ts) and the
 * replay hash computed with Web Crypto (src/sim/hash.ts computes the same with node:crypto).
 */
import { canonicalJson } from '../rules';

export { SAVE_FORMAT, parseSaveFile, type SaveAction, type SaveFile } from '../content/save-file';

/** SHA-256 hex of the canonical JSON of a state (Web Crypto). */
export async function hashState(state: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(state));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
