/** The seats resource: join (rate-limited per address), leave, update, and a bot standing in. */
import { z } from 'zod';
import { newSecret, sameSecret } from '../hardening';
import type { MatchOptions } from './options';
import {
  credentials,
  editMatch,
  HttpError,
  loadMatch,
  parse,
  playerName,
  seatID,
  seatOf,
  smallData,
  spend,
  type LobbyDeps,
  type Route,
} from './route';

export function seatRoutes(deps: LobbyDeps): Route[] {
  const { storage, spec } = deps;
  const name = deps.game.name!;
  return [
    {
      method: 'POST',
      path: `/games/${name}/:id/join`,
      quota: 'join',
      handler: async (ctx) => {
        await spend(deps.limiters.join, ctx.address, 'join');
        const body = parse(
          z.object({ playerID: seatID.optional(), playerName, data: smallData }).strict(),
          ctx.body,
          'join',
        );
        const id = ctx.params.id!;
        // Under the match's row lock: two joins racing for one seat (on any instance) cannot both get it.
        ctx.response = await editMatch(deps, id, (metadata) => {
          const playerID =
            body.playerID ?? Object.keys(metadata.players).find((k) => !metadata.players[k as unknown as number]!.name);
          if (playerID === undefined) throw new HttpError(409, `match ${id} is full`);
          const s = seatOf(metadata, playerID);
          if (s.name) throw new HttpError(409, `seat ${playerID} is taken`);
          s.name = body.playerName;
          if (body.data) s.data = body.data;
          s.credentials = newSecret();
          metadata.updatedAt = Date.now();
          return { playerID, playerCredentials: s.credentials };
        });
        deps.onSeatsChanged(id);
      },
    },
    {
      method: 'POST',
      path: `/games/${name}/:id/leave`,
      handler: async (ctx) => {
        const body = parse(z.object({ playerID: seatID, credentials }).strict(), ctx.body, 'leave');
        const id = ctx.params.id!;
        // Unlike boardgame.io's stock lobby, a match is never wiped by a leave: its state and log are the record.
        await editMatch(deps, id, (metadata) => {
          const s = seatOf(metadata, body.playerID);
          if (!sameSecret(body.credentials, s.credentials) || (s.data as { bot?: boolean } | undefined)?.bot)
            throw new HttpError(403, 'leave: wrong credentials');
          delete s.name;
          delete s.credentials;
          delete s.data;
          metadata.updatedAt = Date.now();
        });
        deps.onSeatReleased?.(id, body.playerID);
        deps.onSeatsChanged(id);
        ctx.response = {};
      },
    },
    {
      method: 'POST',
      path: `/games/${name}/:id/update`,
      handler: async (ctx) => {
        const body = parse(
          z.object({ playerID: seatID, credentials, newName: playerName.optional(), data: smallData }).strict(),
          ctx.body,
          'update',
        );
        const id = ctx.params.id!;
        await editMatch(deps, id, (metadata) => {
          const s = seatOf(metadata, body.playerID);
          if (!sameSecret(body.credentials, s.credentials)) throw new HttpError(403, 'update: wrong credentials');
          if (body.newName) s.name = body.newName;
          if (body.data) s.data = body.data;
        });
        deps.onSeatsChanged(id);
        ctx.response = {};
      },
    },
    {
      method: 'POST',
      path: `/games/${name}/:id/stand-in`,
      handler: async (ctx) => {
        const body = parse(
          z
            .object({
              playerID: seatID,
              credentials: credentials.optional(),
              creatorToken: credentials.optional(),
              level: z.enum(spec.botLevels).optional(),
              on: z.boolean(),
            })
            .strict(),
          ctx.body,
          'stand-in',
        );
        const id = ctx.params.id!;
        const metadata = await loadMatch(deps, id);
        const s = seatOf(metadata, body.playerID);
        const options = (await storage.getOptions(id)) as MatchOptions | undefined;
        if (!deps.bots || !options) throw new HttpError(400, 'stand-in: this server has no bots');
        if (options.bots[body.playerID]) throw new HttpError(409, `stand-in: seat ${body.playerID} is a bot seat`);
        const own = sameSecret(body.credentials, s.credentials);
        // The creator may hand an absent player's seat to a bot; only the player may take it back early.
        const creator = sameSecret(body.creatorToken, options.creatorToken) && (body.on ? !s.isConnected : true);
        if (!own && !creator)
          throw new HttpError(403, "stand-in: the seat's credentials, or the creator token for a disconnected seat");
        if (!s.name) throw new HttpError(409, `stand-in: seat ${body.playerID} has no player`);
        await deps.bots.setStandIn(id, body.playerID, body.on ? { level: body.level ?? spec.botLevels[0] } : null);
        ctx.response = { standIns: ((await storage.getOptions(id)) as MatchOptions).standIns ?? {} };
      },
    },
  ];
}
