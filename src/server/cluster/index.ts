/**
 * What a server instance needs to be one of many (docs/DEPLOY.md): the match bus that carries each
 * instance's outgoing messages to the others, the leases that give each match's clock and bots one
 * owner, and rate limits and presence (connection caps, seats' connected flags) counted in Redis. `createServer` takes it as its `cluster` option.
 */
import { redisLimiters, type LimiterFactory } from '../request-limiter';
import type { Logger } from '../log';
import type { Relay, RelayMessage } from '../transport';
import { MatchBus } from './bus';
import type { ClusterLink } from './link';
import { MatchOwners } from './owner';
import { RedisPresence } from './presence';
import type { Presence } from '../presence';

/** On the bus: the transports' messages, and "owner, look at this match". */
type ClusterMessage = RelayMessage | { k: 'look'; matchID: string };

export interface Cluster {
  relay: Relay;
  owners: MatchOwners;
  limiters: LimiterFactory;
  presence: Presence;
  /**
   * Subscribes to the bus (delivering to `receive`), starts the lease rounds (`onOwn` runs a match's clock
   * and bots) and the presence heartbeat (`onVacated` hears each presence set a dead instance was in).
   */
  start(
    receive: (m: RelayMessage) => void,
    onOwn: (matchID: string) => void,
    onVacated: (set: string) => void,
  ): Promise<void>;
  /** Throws when Redis does not answer (for /readyz). */
  ping(): Promise<void>;
  /** Gives back every lease and this instance's presence (the link itself stays open: its owner closes it). */
  stop(): Promise<void>;
}

export function joinCluster(link: ClusterLink, logger: Logger, leaseMs?: number): Cluster {
  const bus = new MatchBus<ClusterMessage>(link, logger);
  let onOwn: (matchID: string) => void = () => undefined;
  const owners = new MatchOwners(link, {
    logger,
    leaseMs,
    onOwn: (matchID) => onOwn(matchID),
    notify: (matchID) => bus.publish({ k: 'look', matchID }),
  });
  const presence = new RedisPresence(link, logger, leaseMs);
  return {
    relay: { publish: (m) => bus.publish(m) },
    owners,
    limiters: redisLimiters(link.redis, link.prefix),
    presence,
    start: async (receive, own, onVacated) => {
      onOwn = own;
      await bus.listen((m) => (m.k === 'look' ? owners.heard(m.matchID) : receive(m)));
      owners.start();
      await presence.start(onVacated);
    },
    ping: async () => {
      await link.redis.ping();
    },
    stop: async () => {
      await owners.stop();
      await presence.stop();
    },
  };
}

export { connectCluster, ClusterConfigError, type ClusterLink } from './link';
