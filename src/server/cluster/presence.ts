/**
 * Presence across the cluster (the sets of ../presence.ts in Redis). A member is `instance|connection`;
 * each instance keeps a heartbeat key alive, and a member whose instance's heartbeat ran out (the
 * instance was killed) no longer counts and is removed whenever its set is counted. Each instance also
 * records which of its sets it has members in; the first survivor to notice a dead instance takes
 * that record and recounts each set, so a dead instance's seats are marked disconnected (`onVacated`).
 * Standalone Redis: the scripts read heartbeat keys they are not passed (not for Redis Cluster).
 */
import type { ClusterLink } from './link';
import type { Logger } from '../log';
import type { Presence } from '../presence';

// Counts the live members of KEYS[1] (ARGV[1]: heartbeat key prefix), removing dead instances' members.
const LIVE = `
local function live(key, alive)
  local n = 0
  for _, m in ipairs(redis.call('smembers', key)) do
    local inst = string.match(m, '^([^|]+)|')
    if inst and redis.call('exists', alive .. inst) == 1 then n = n + 1 else redis.call('srem', key, m) end
  end
  return n
end`;
// KEYS: set, this instance's record; ARGV: heartbeat prefix, member, max (-1: no cap), set name.
const ADMIT = `${LIVE}
if redis.call('sismember', KEYS[1], ARGV[2]) == 1 then return 1 end
local max = tonumber(ARGV[3])
if max >= 0 and live(KEYS[1], ARGV[1]) >= max then return 0 end
redis.call('sadd', KEYS[1], ARGV[2])
redis.call('hincrby', KEYS[2], ARGV[4], 1)
return 1`;
// KEYS: set, this instance's record; ARGV: member, set name.
const DROP = `
if redis.call('srem', KEYS[1], ARGV[1]) == 1 and redis.call('hincrby', KEYS[2], ARGV[2], -1) <= 0 then
  redis.call('hdel', KEYS[2], ARGV[2])
end
return 0`;
// KEYS: set; ARGV: heartbeat prefix.
const COUNT = `${LIVE}
return live(KEYS[1], ARGV[1])`;
// KEYS: instances, the dead instance's record; ARGV: dead instance. Only the first caller gets its sets.
const REAP = `
if redis.call('srem', KEYS[1], ARGV[1]) == 0 then return {} end
local sets = redis.call('hkeys', KEYS[2])
redis.call('del', KEYS[2])
return sets`;

export class RedisPresence implements Presence {
  private readonly ttlMs: number;
  /** This instance's members by set, to register them again if its heartbeat ever ran out (a long pause). */
  private readonly mine = new Map<string, Set<string>>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private busy = false;

  constructor(
    private readonly link: ClusterLink,
    private readonly logger: Logger,
    ttlMs = 5_000,
  ) {
    this.ttlMs = ttlMs;
  }

  private key = (set: string) => `${this.link.prefix}presence:${set}`;
  private alivePrefix = () => `${this.link.prefix}alive:`;
  private record = (instance: string) => `${this.link.prefix}presence-of:${instance}`;
  private get instances() {
    return `${this.link.prefix}instances`;
  }
  private member = (connection: string) => `${this.link.instance}|${connection}`;

  async admit(set: string, member: string, max: number): Promise<boolean> {
    const args = [this.alivePrefix(), this.member(member), Number.isFinite(max) ? max : -1, set];
    const ok = Number(await this.link.redis.eval(ADMIT, 2, this.key(set), this.record(this.link.instance), ...args));
    if (ok === 1) {
      let s = this.mine.get(set);
      if (!s) this.mine.set(set, (s = new Set()));
      s.add(member);
    }
    return ok === 1;
  }

  async drop(set: string, member: string): Promise<void> {
    const s = this.mine.get(set);
    if (s?.delete(member) && s.size === 0) this.mine.delete(set);
    await this.link.redis.eval(DROP, 2, this.key(set), this.record(this.link.instance), this.member(member), set);
  }

  async count(set: string): Promise<number> {
    return Number(await this.link.redis.eval(COUNT, 1, this.key(set), this.alivePrefix()));
  }

  /** Beats now and every third of the time to live; `onVacated` hears each set a dead instance had members in, after its recount. */
  async start(onVacated: (set: string) => void): Promise<void> {
    await this.beat(onVacated);
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      this.beat(onVacated)
        .catch((err: unknown) => this.logger.error('presence heartbeat failed', { event: 'presence', err }))
        .finally(() => (this.busy = false));
    }, this.ttlMs / 3);
    this.timer.unref();
  }

  private async beat(onVacated: (set: string) => void): Promise<void> {
    const { redis, instance } = this.link;
    const was = await redis.set(`${this.alivePrefix()}${instance}`, '1', 'PX', this.ttlMs, 'GET');
    await redis.sadd(this.instances, instance);
    // Our heartbeat ran out while we were away (a pause): others removed our members; put them back.
    if (was === null)
      for (const [set, members] of this.mine) for (const m of members) await this.admit(set, m, Infinity);
    const others = (await redis.smembers(this.instances)).filter((i) => i !== instance);
    if (others.length === 0) return;
    const alive = await redis.mget(...others.map((i) => `${this.alivePrefix()}${i}`));
    for (const [i, dead] of others.entries()) {
      if (alive[i] !== null) continue;
      const sets = (await redis.eval(REAP, 2, this.instances, this.record(dead), dead)) as string[];
      if (sets.length > 0) this.logger.info('a dead instance’s connections cleared', { event: 'presence', dead });
      for (const set of sets) {
        await this.count(set);
        onVacated(set);
      }
    }
  }

  /** Stops beating and removes this instance's members and heartbeat (graceful shutdown; Redis being away does not stop it). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    try {
      for (const [set, members] of [...this.mine]) for (const m of [...members]) await this.drop(set, m);
      await this.link.redis.del(`${this.alivePrefix()}${this.link.instance}`, this.record(this.link.instance));
      await this.link.redis.srem(this.instances, this.link.instance);
    } catch (err) {
      // The others count this instance's sockets out once its heartbeat runs out.
      this.logger.warn('presence not cleared at shutdown', { event: 'presence', err });
    }
  }
}
