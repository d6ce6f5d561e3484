/** The replay resource: a match's saved-game file, after the end (or before it for an umpire seat). */
import { sameSecret } from '../hardening';
import { publicOptions, type ExportInput, type MatchOptions } from './options';
import { HttpError, one, type LobbyDeps, type Route } from './route';

export function replayRoutes(deps: LobbyDeps): Route[] {
  const name = deps.game.name!;
  return [
    {
      method: 'GET',
      path: `/games/${name}/:id/replay`,
      handler: async (ctx) => {
        const id = ctx.params.id!;
        if (!deps.exportMatch) throw new HttpError(404, 'replay: downloads are not offered for this game');
        const { state, initialState, log, metadata } = await deps.storage.fetch(id, {
          state: true,
          initialState: true,
          log: true,
          metadata: true,
        });
        if (!state || !initialState || !log || !metadata || metadata.gameName !== name)
          throw new HttpError(404, `match ${id} not found`);
        const input: ExportInput = {
          matchID: id,
          metadata,
          state,
          initialState,
          log,
          options: publicOptions((await deps.storage.getOptions(id)) as MatchOptions | undefined),
        };
        if (state.ctx.gameover === undefined) {
          // Before the end only an umpire seat may download: the file holds the seed and every hidden choice.
          const playerID = one(ctx.query.playerID);
          const creds = one(ctx.query.credentials);
          const s = playerID !== undefined ? metadata.players[playerID as unknown as number] : undefined;
          if (!s || !sameSecret(creds, s.credentials) || !deps.mayExportEarly?.(input, playerID!)) {
            throw new HttpError(403, 'replay: the match is not over (only the White Cell may download it now)');
          }
        }
        ctx.response = deps.exportMatch(input);
      },
    },
  ];
}
