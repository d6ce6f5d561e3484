/**
 * The online pages live in the URL fragment, so the built client works from any path and a reload
 * lands where it was: `#/lobby`, `#/match/ID[?seat=N]` (an invite), `#/play/ID/N`, `#/watch/ID`,
 * `#/key/ID/N/CREDENTIALS` (a seat key: moves a seat to another device).
 */
export type Route =
  | { page: 'lobby' }
  | { page: 'match'; matchID: string; seat: string | null }
  | { page: 'play'; matchID: string; playerID: string }
  | { page: 'watch'; matchID: string }
  | { page: 'key'; matchID: string; playerID: string; credentials: string };

const ID = '([A-Za-z0-9_-]{1,64})';
const SEAT = '([0-9]{1,2})';

/** The online route of a location, or null (the start screen and local games). */
export function parseRoute(hash: string, search = ''): Route | null {
  const h = hash.replace(/^#/, '');
  let m: RegExpExecArray | null;
  if (h === '/lobby' || h === '/lobby/') return { page: 'lobby' };
  if ((m = new RegExp(`^/match/${ID}(?:\\?seat=${SEAT})?$`).exec(h)))
    return { page: 'match', matchID: m[1]!, seat: m[2] ?? null };
  if ((m = new RegExp(`^/play/${ID}/${SEAT}$`).exec(h))) return { page: 'play', matchID: m[1]!, playerID: m[2]! };
  if ((m = new RegExp(`^/watch/${ID}$`).exec(h))) return { page: 'watch', matchID: m[1]! };
  if ((m = new RegExp(`^/key/${ID}/${SEAT}/([A-Za-z0-9_-]{1,256})$`).exec(h)))
    return { page: 'key', matchID: m[1]!, playerID: m[2]!, credentials: m[3]! };
  // The query form of an invite that docs/DEPLOY.md names: ?match=ID&seat=N.
  const q = new URLSearchParams(search);
  const match = q.get('match');
  if (match && new RegExp(`^${ID}$`).test(match)) {
    const seat = q.get('seat');
    return { page: 'match', matchID: match, seat: seat && new RegExp(`^${SEAT}$`).test(seat) ? seat : null };
  }
  return null;
}

export function routeHash(r: Route): string {
  switch (r.page) {
    case 'lobby':
      return '#/lobby';
    case 'match':
      return `#/match/${r.matchID}${r.seat !== null ? `?seat=${r.seat}` : ''}`;
    case 'play':
      return `#/play/${r.matchID}/${r.playerID}`;
    case 'watch':
      return `#/watch/${r.matchID}`;
    case 'key':
      return `#/key/${r.matchID}/${r.playerID}/${r.credentials}`;
  }
}

/** A full link to a route, to copy and send to someone. */
export function routeLink(r: Route, loc: { origin: string; pathname: string } = location): string {
  return `${loc.origin}${loc.pathname}${routeHash(r)}`;
}

/** Goes to a route (a hashchange follows). */
export function go(r: Route): void {
  location.hash = routeHash(r);
}
