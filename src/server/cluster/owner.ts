/**
 * Exactly one instance runs a match's clock and server bots: the holder of the match's lease in
 * Redis. A lease is a key with a time to live, renewed by its holder; claiming one also takes the
 * next number of the match's fencing counter, and the key's value names the holder and that token.
 * Before a clock or bot acts, the holder confirms that the key still holds its token (a paused or
 * partitioned instance whose lease passed to another stops there), and the move itself is the
 * storage's conditional write on the state it was computed from: two instances can never both land a
 * move on the same state, so a bot move or a time-out is applied at most once. When an instance dies its
 * leases run out and the others' scans (every third of the lease time) claim them.
 */
import type { ClusterLink } from './link';
import type { Logger } from '../log';

/** What clocks and bots ask before acting (a single server owns everything). */
export interface OwnerGate {
  /** This instance holds the match's lease now. */
  owns(matchID: string): boolean;
  /** Checks in Redis, just before acting, that the lease still carries this instance's fencing token. */
  confirm(matchID: string): Promise<boolean>;
  /** Makes the match's owner look at it again: this instance if it can claim the lease, else the holder. */
  handOver(matchID: string): void;
}

export interface MatchOwnersOptions {
  logger: Logger;
  /** Lease time to live (ms); a dead instance's matches are taken over within about this long. */
  leaseMs?: number;
  /** Called when this instance becomes a match's owner, and when another instance hands it a look. */
  onOwn: (matchID: string) => void;
  /** Tells the holder of a lease to look at its match (over the match bus). */
  notify: (matchID: string) => void;
}

// KEYS: lease, fence, managed; ARGV: instance, ttl, matchID. Returns the new token, or 0 when held by another.
// A lease this instance still holds (its local expiry ran out under event-loop lag) is renewed with its token:
// refusing it would leave the match with an owner that never looks at it.
const CLAIM = `
local held = redis.call('get', KEYS[1])
if held then
  local mine = ARGV[1] .. ':'
  if string.sub(held, 1, #mine) ~= mine then return 0 end
  redis.call('pexpire', KEYS[1], ARGV[2])
  redis.call('sadd', KEYS[3], ARGV[3])
  return tonumber(string.sub(held, #mine + 1))
end
local token = redis.call('incr', KEYS[2])
redis.call('set', KEYS[1], ARGV[1] .. ':' .. token, 'PX', ARGV[2])
redis.call('sadd', KEYS[3], ARGV[3])
return token`;
// KEYS: lease, managed; ARGV: holder value, ttl, matchID. A finished or deleted match's lease is dropped.
const RENEW = `
if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('sismember', KEYS[2], ARGV[3]) == 0 then redis.call('del', KEYS[1]) return 0 end
redis.call('pexpire', KEYS[1], ARGV[2])
return 1`;
// KEYS: lease; ARGV: holder value.
const RELEASE = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

interface Held {
  token: number;
  /** Local time until which the lease is surely ours (renewal time + ttl, less a margin for clock drift). */
  until: number;
}

export class MatchOwners implements OwnerGate {
  private readonly held = new Map<string, Held>();
  /** Matches another instance held at our last try, and until when we believe it. */
  private readonly elsewhere = new Map<string, number>();
  private readonly leaseMs: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private busy = false;

  constructor(
    private readonly link: ClusterLink,
    private readonly opts: MatchOwnersOptions,
  ) {
    this.leaseMs = opts.leaseMs ?? 5_000;
  }

  private key = (matchID: string) => `${this.link.prefix}lease:${matchID}`;
  private fence = (matchID: string) => `${this.link.prefix}fence:${matchID}`;
  private get managed() {
    return `${this.link.prefix}managed`;
  }
  private value = (token: number) => `${this.link.instance}:${token}`;

  owns(matchID: string): boolean {
    const h = this.held.get(matchID);
    return h !== undefined && h.until > Date.now();
  }

  /** The fencing token of a lease this instance holds (tests and logs). */
  token(matchID: string): number | undefined {
    return this.held.get(matchID)?.token;
  }

  async confirm(matchID: string): Promise<boolean> {
    const h = this.held.get(matchID);
    if (!h) return false;
    const now = await this.link.redis.get(this.key(matchID));
    if (now === this.value(h.token)) return true;
    this.lost(matchID);
    return false;
  }

  handOver(matchID: string): void {
    if (this.owns(matchID)) return this.opts.onOwn(matchID);
    if ((this.elsewhere.get(matchID) ?? 0) > Date.now()) return this.opts.notify(matchID);
    this.claim(matchID).then(
      (got) => (got ? this.opts.onOwn(matchID) : this.opts.notify(matchID)),
      (err: unknown) => this.opts.logger.error('lease claim failed', { matchID, event: 'lease', err }),
    );
  }

  /** A look asked for by another instance: acted on only by the holder. */
  heard(matchID: string): void {
    if (this.owns(matchID)) this.opts.onOwn(matchID);
  }

  /** Puts matches on the managed list, so that some instance claims each (after a restart of the cluster). */
  async adopt(matchIDs: string[]): Promise<void> {
    for (let i = 0; i < matchIDs.length; i += 500)
      await this.link.redis.sadd(this.managed, ...matchIDs.slice(i, i + 500));
  }

  /** A finished or deleted match needs no owner: its lease is dropped at the holder's next renewal. */
  async finish(matchIDs: string[]): Promise<void> {
    if (matchIDs.length > 0) await this.link.redis.srem(this.managed, ...matchIDs);
  }

  private async claim(matchID: string): Promise<boolean> {
    const sentAt = Date.now();
    const token = Number(
      await this.link.redis.eval(
        CLAIM,
        3,
        this.key(matchID),
        this.fence(matchID),
        this.managed,
        this.link.instance,
        this.leaseMs,
        matchID,
      ),
    );
    if (token === 0) {
      this.elsewhere.set(matchID, Date.now() + this.leaseMs / 3);
      return false;
    }
    this.elsewhere.delete(matchID);
    const again = this.held.get(matchID)?.token === token;
    this.held.set(matchID, { token, until: this.validUntil(sentAt) });
    if (!again)
      this.opts.logger.info('match lease taken', { matchID, event: 'lease', instance: this.link.instance, token });
    return true;
  }

  private validUntil(sentAt: number): number {
    return sentAt + this.leaseMs * 0.8;
  }

  private lost(matchID: string): void {
    if (this.held.delete(matchID)) this.opts.logger.info('match lease lost', { matchID, event: 'lease' });
  }

  /** Renews held leases and claims the managed matches nobody holds, every third of the lease time. */
  start(): void {
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      this.tick()
        .catch((err: unknown) => this.opts.logger.error('lease round failed', { event: 'lease', err }))
        .finally(() => (this.busy = false));
    }, this.leaseMs / 3);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const sentAt = Date.now();
    const ids = [...this.held.keys()];
    if (ids.length > 0) {
      const pipe = this.link.redis.pipeline();
      for (const id of ids)
        pipe.eval(RENEW, 2, this.key(id), this.managed, this.value(this.held.get(id)!.token), this.leaseMs, id);
      const results = (await pipe.exec()) ?? [];
      ids.forEach((id, i) => {
        const [err, ok] = results[i] ?? [];
        if (!err && Number(ok) === 1) this.held.get(id)!.until = this.validUntil(sentAt);
        else this.lost(id);
      });
    }
    const managed = (await this.link.redis.smembers(this.managed)).filter((id) => !this.held.has(id));
    if (managed.length === 0) return;
    const holders = await this.link.redis.mget(...managed.map(this.key));
    for (const [i, id] of managed.entries()) if (holders[i] === null && (await this.claim(id))) this.opts.onOwn(id);
  }

  /** Stops renewing and gives every lease back at once, so the others take over without waiting (graceful shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const ids = [...this.held.keys()];
    await Promise.allSettled(
      ids.map((id) => this.link.redis.eval(RELEASE, 1, this.key(id), this.value(this.held.get(id)!.token))),
    );
    this.held.clear();
  }
}
