/**
 * The match bus: one Redis pub/sub channel on which every instance tells the others what its
 * matches did (a committed move's outgoing messages, chat, clock ticks, a released seat, a job for a
 * match's owner). Each instance filters what it hears through the one gate (deliveryFilter) for the
 * seats and spectators connected to it, so a view is only ever computed where someone will read it.
 * Redis must be private to the cluster: messages carry unfiltered states.
 */
import type { ClusterLink } from './link';
import type { Logger } from '../log';

export class MatchBus<M> {
  private readonly channel: string;
  private handler: ((message: M) => void) | undefined;

  constructor(
    private readonly link: ClusterLink,
    private readonly logger: Logger,
  ) {
    this.channel = `${link.prefix}bus`;
  }

  /** Subscribes; `handler` hears every other instance's messages (never this one's own), in Redis's order. */
  async listen(handler: (message: M) => void): Promise<void> {
    this.handler = handler;
    this.link.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => {
      if (channel.toString() !== this.channel) return;
      let parsed: { from: string; m: M };
      try {
        parsed = JSON.parse(data.toString()) as { from: string; m: M };
      } catch (err) {
        return this.logger.error('unreadable bus message', { event: 'bus', err });
      }
      if (parsed.from === this.link.instance) return;
      try {
        this.handler?.(parsed.m);
      } catch (err) {
        this.logger.error('bus message handler failed', { event: 'bus', err });
      }
    });
    await this.link.sub.subscribe(this.channel);
  }

  publish(message: M): void {
    this.link.redis
      .publish(this.channel, JSON.stringify({ from: this.link.instance, m: message }))
      .catch((err: unknown) => this.logger.error('bus publish failed', { event: 'bus', err }));
  }
}
