/** One way to run a background promise in the socket transport: its failure is logged with its match id, never thrown. */
import type { Logger } from './log';

export function guard(logger: Logger, matchID: string, what: string, p: Promise<unknown>): void {
  p.catch((err: unknown) => logger.error(`${what} failed`, { matchID, event: what, err }));
}
