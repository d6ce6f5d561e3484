/** The clock resource: the match creator pauses, resumes or extends a match's clock. */
import { z } from 'zod';
import { sameSecret } from '../hardening';
import type { MatchOptions } from './options';
import { credentials, HttpError, loadMatch, parse, type LobbyDeps, type Route } from './route';

export function clockRoutes(deps: LobbyDeps): Route[] {
  return [
    {
      method: 'POST',
      path: `/games/${deps.game.name!}/:id/clock`,
      handler: async (ctx) => {
        const body = parse(
          z
            .object({
              creatorToken: credentials,
              action: z.enum(['pause', 'resume', 'extend']),
              seconds: z
                .number()
                .int()
                .min(1)
                .max(24 * 3600)
                .optional(),
            })
            .strict(),
          ctx.body,
          'clock',
        );
        const id = ctx.params.id!;
        await loadMatch(deps, id);
        const options = (await deps.storage.getOptions(id)) as MatchOptions | undefined;
        if (!options?.clock || !deps.clocks) throw new HttpError(409, 'clock: this match has no clock');
        if (!sameSecret(body.creatorToken, options.creatorToken))
          throw new HttpError(403, 'clock: only the match creator controls the clock');
        ctx.response = await deps.clocks.control(id, body.action, body.seconds ?? 60);
      },
    },
  ];
}
