/** The online pages' addresses: every route round-trips, invites in both forms, and junk is no route. */
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, routeLink, type Route } from '../../src/client/online/routes';

describe('online routes', () => {
  const routes: Route[] = [
    { page: 'lobby' },
    { page: 'match', matchID: 'a1B2_c-3', seat: null },
    { page: 'match', matchID: 'abc', seat: '2' },
    { page: 'play', matchID: 'abc', playerID: '0' },
    { page: 'watch', matchID: 'abc' },
    { page: 'key', matchID: 'abc', playerID: '4', credentials: 'Zx_9-secret' },
  ];
  it.each(routes)('round-trips %o', (r) => {
    expect(parseRoute(routeHash(r))).toEqual(r);
  });
  it('reads the query form of an invite that docs/DEPLOY.md gives', () => {
    expect(parseRoute('', '?match=abc&seat=1')).toEqual({ page: 'match', matchID: 'abc', seat: '1' });
    expect(parseRoute('', '?match=abc&seat=x')).toEqual({ page: 'match', matchID: 'abc', seat: null });
  });
  it('is no online route for the start screen, local links or malformed fragments', () => {
    for (const h of [
      '',
      '#',
      '#/',
      '#/match/',
      '#/match/a b',
      '#/play/abc',
      '#/play/abc/x',
      '#/key/abc/1/',
      '#/lobbyx',
    ])
      expect(parseRoute(h, '?play=baseline-2023')).toBeNull();
  });
  it('builds full links from the page address', () => {
    expect(routeLink({ page: 'watch', matchID: 'm1' }, { origin: 'https://g.example', pathname: '/eat/' })).toBe(
      'https://g.example/eat/#/watch/m1',
    );
  });
});
