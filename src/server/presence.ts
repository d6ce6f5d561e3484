/**
 * Who is connected: the sockets from each address, the spectators of each match and the sockets
 * synced as each seat, kept as named sets of connection ids. One process keeps them in memory; a
 * cluster keeps them in Redis (cluster/presence.ts), so the per-address and spectator caps and a
 * seat's "connected" flag count every instance's sockets.
 */

export interface Presence {
  /** Adds `member` to `set` unless the set already holds `max` members; true when it is in (a member already in stays in). */
  admit(set: string, member: string, max: number): Promise<boolean>;
  drop(set: string, member: string): Promise<void>;
  /** How many members the set holds now. */
  count(set: string): Promise<number>;
}

/** The set names, one place for the transport and the cluster's clean-up of a dead instance's seats. */
export const presenceSets = {
  address: (address: string) => `addr:${address}`,
  spectators: (matchID: string) => `watch:${matchID}`,
  seat: (game: string, matchID: string, playerID: string) => `seat:${game}:${matchID}:${playerID}`,
  /** The game, match and seat of a seat's set name, or null for another set. */
  parseSeat(set: string): { game: string; matchID: string; playerID: string } | null {
    const m = /^seat:([^:]+):([^:]+):([^:]+)$/.exec(set);
    return m ? { game: m[1]!, matchID: m[2]!, playerID: m[3]! } : null;
  },
};

/** One process: the sets live in memory. */
export class MemoryPresence implements Presence {
  private readonly sets = new Map<string, Set<string>>();

  admit(set: string, member: string, max: number): Promise<boolean> {
    let s = this.sets.get(set);
    if (s?.has(member)) return Promise.resolve(true);
    if ((s?.size ?? 0) >= max) return Promise.resolve(false);
    if (!s) this.sets.set(set, (s = new Set()));
    s.add(member);
    return Promise.resolve(true);
  }

  drop(set: string, member: string): Promise<void> {
    const s = this.sets.get(set);
    if (s?.delete(member) && s.size === 0) this.sets.delete(set);
    return Promise.resolve();
  }

  count(set: string): Promise<number> {
    return Promise.resolve(this.sets.get(set)?.size ?? 0);
  }
}
