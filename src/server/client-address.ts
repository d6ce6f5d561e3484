/** Which address a request or socket counts against for the per-client limits. */
import { createHash } from 'node:crypto';

/**
 * The peer's address; behind a reverse proxy (`trustProxy`) the address the proxy appended last to
 * X-Forwarded-For, since every earlier entry is written by the client and can be forged.
 */
export function clientAddress(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy && forwardedFor !== undefined) {
    const last = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').pop()?.trim();
    if (last) return last.slice(0, 64);
  }
  return remote ?? 'unknown';
}

/** What the database keeps of a creator's address for the per-creator cap: a hash, not the address. */
export const creatorKey = (address: string): string =>
  createHash('sha256').update(`eat-creator:${address}`).digest('base64url').slice(0, 22);
