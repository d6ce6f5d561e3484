-- The PostgreSQL schema, version 1: the same tables and listing columns as the SQLite engine.
-- JSON columns are text, stored byte for byte as the server wrote them (jsonb would reorder keys).
-- match_id sorts in byte order (COLLATE "C"), like SQLite, so lobby pages have the same order.
CREATE TABLE matches (
  match_id      text COLLATE "C" PRIMARY KEY,
  game_name     text NOT NULL,
  state_id      integer NOT NULL,
  state         text NOT NULL,     -- the authoritative State (with plugins.random; never sent as is)
  initial_state text NOT NULL,
  metadata      text NOT NULL,     -- Server.MatchData (with credentials; never sent as is)
  options       text,              -- server-side match options (bots, clock), owned by the lobby
  gameover      boolean NOT NULL DEFAULT false,
  created_at    bigint NOT NULL,   -- epoch ms
  updated_at    bigint NOT NULL,   -- epoch ms
  unlisted      boolean NOT NULL DEFAULT false,
  creator       text,              -- a hash of the creating address, for the per-creator cap
  humans        integer NOT NULL DEFAULT 0  -- seats a person holds; 0 = nobody joined
);

-- Listing, caps and expiry each read one index range, so their cost does not grow with the table.
CREATE INDEX matches_listing ON matches (game_name, unlisted, updated_at, match_id);
CREATE INDEX matches_listing_by_end ON matches (game_name, unlisted, gameover, updated_at, match_id);
CREATE INDEX matches_open_by_creator ON matches (creator) WHERE NOT gameover;
CREATE INDEX matches_unjoined ON matches (created_at) WHERE NOT gameover AND humans = 0;
CREATE INDEX matches_by_end ON matches (gameover, updated_at);

CREATE TABLE log_entries (
  seq      bigserial PRIMARY KEY,  -- order of appends; a match's log is its rows in seq order
  match_id text COLLATE "C" NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE,
  entry    text NOT NULL           -- one boardgame.io LogEntry
);
CREATE INDEX log_by_match ON log_entries (match_id, seq);

CREATE TABLE chat (
  match_id text COLLATE "C" NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE,
  seq      integer NOT NULL,
  message  text NOT NULL,          -- { id, sender, payload }
  at       bigint NOT NULL,
  PRIMARY KEY (match_id, seq)
);
