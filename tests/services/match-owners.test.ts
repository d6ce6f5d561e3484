/**
 * The match leases (src/server/cluster/owner.ts) against a real Redis, in the situations a loaded
 * instance meets: its local belief that it holds a lease can run out while Redis still names it the
 * holder (the event loop was busy past the renewal), and another instance's lease stays another's.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { connectCluster, type ClusterLink } from '../../src/server/cluster';
import { MatchOwners } from '../../src/server/cluster/owner';
import { memoryLogger } from '../../src/server/log';
import { sleep } from '../server/helpers';
import { serviceUrl } from './probe';

const PREFIX = `eat-test-owners-${process.pid}-${Date.now()}:`;
const links: ClusterLink[] = [];

afterAll(async () => {
  const keys = await links[0]!.redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await links[0]!.redis.del(...keys);
  await Promise.all(links.map((l) => l.close()));
});

/** An instance's leases, not started (no renewal rounds): each test drives the claims itself. */
async function owners(leaseMs: number) {
  const link = await connectCluster(serviceUrl('redis'), PREFIX);
  links.push(link);
  const owned: string[] = [];
  const looks: string[] = [];
  const o = new MatchOwners(link, {
    logger: memoryLogger(),
    leaseMs,
    onOwn: (id) => owned.push(id),
    notify: (id) => looks.push(id),
  });
  return { o, owned, looks };
}

/** Blocks the event loop, as a long synchronous job (a bot's search, a big sync) does. */
function busy(ms: number): void {
  for (const t0 = Date.now(); Date.now() - t0 < ms;);
}

async function settle(pred: () => boolean): Promise<void> {
  for (const t0 = Date.now(); !pred() && Date.now() - t0 < 2000;) await sleep(10);
}

describe('match leases', () => {
  it('an instance whose local lease ran out while Redis still names it keeps the match and looks at it', async () => {
    const { o, owned, looks } = await owners(1000);
    o.handOver('m1');
    await settle(() => owned.length === 1);
    expect(o.owns('m1')).toBe(true);
    const token = o.token('m1');
    // Past the local margin (80% of the lease), within the lease's time to live in Redis.
    busy(850);
    expect(o.owns('m1')).toBe(false);
    o.handOver('m1');
    await settle(() => owned.length === 2);
    expect(owned).toEqual(['m1', 'm1']);
    expect(looks).toEqual([]);
    expect(o.token('m1')).toBe(token);
    expect(o.owns('m1')).toBe(true);
    expect(await o.confirm('m1')).toBe(true);
  });

  it("another instance's live lease stays its own: the claimant asks the holder to look instead", async () => {
    const a = await owners(5000);
    const b = await owners(5000);
    a.o.handOver('m2');
    await settle(() => a.owned.length === 1);
    b.o.handOver('m2');
    await settle(() => b.looks.length === 1);
    expect(b.owned).toEqual([]);
    expect(b.looks).toEqual(['m2']);
    expect(b.o.owns('m2')).toBe(false);
    expect(await a.o.confirm('m2')).toBe(true);
  });
});
