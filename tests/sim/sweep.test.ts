import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handicapFor } from '../../src/ai';
import { parseBotSpecs } from '../../src/content/bot-spec';
import { GAMES_CSV_HEADER, gamesCsv } from '../../src/report/sweep/csv';
import { replayThroughEngine } from '../helpers/engine-replay';
import { engineGame, realRules } from '../../src/sim/real-rules';
import { renderSweepHtml } from '../../src/report/sweep/html';
import { parseSaveFile } from '../../src/content/save-file';
import { runSweep, SweepPool } from '../../src/sim/sweep';

// A mix: difficulty bonuses (handicap) and blunders must replay too.
const bots = parseBotSpecs('china=scripted:5,nato=scripted:1,japan=random', { kind: 'scripted', level: 3 });
const base = { scenario: 'baseline-2023', variant: 4 as const, seed: 'sweep-t', games: 6, bots };

describe('seed sweep', () => {
  it('gives identical records and numbers whatever the number of workers', async () => {
    const one = await runSweep({ ...base, workers: 1 });
    const two = await runSweep({ ...base, workers: 2 });
    const three = await runSweep({ ...base, workers: 3 });
    expect(two.records).toEqual(one.records);
    expect(three.records).toEqual(one.records);
    expect(JSON.stringify(two.summary)).toBe(JSON.stringify(one.summary));
    expect(one.records.map((r) => r.seed)).toEqual([
      'sweep-t#0',
      'sweep-t#1',
      'sweep-t#2',
      'sweep-t#3',
      'sweep-t#4',
      'sweep-t#5',
    ]);
    expect(one.summary.games).toBe(6);
    const wins = Object.values(one.summary.seats).reduce((s, st) => s + st.wins, 0);
    expect(wins + one.summary.draws).toBe(6);
  }, 60_000);

  it('a pool keeps its threads across sweeps of different bots and plays the same games', async () => {
    const pool = new SweepPool(2);
    try {
      const other = { ...base, bots: parseBotSpecs('korea=probe:exports') };
      const first = await runSweep({ ...base, pool });
      const threads = [...pool.workers];
      const second = await runSweep({ ...other, games: 3, pool });
      expect(pool.workers).toEqual(threads);
      expect(first.records).toEqual((await runSweep({ ...base, workers: 1 })).records);
      expect(second.records).toEqual((await runSweep({ ...other, games: 3, workers: 1 })).records);
    } finally {
      pool.close();
    }
  }, 60_000);

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    await runSweep({ ...base, games: 3, workers: 2, onProgress: (d) => seen.push(d) });
    expect(seen.at(-1)).toBe(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  }, 60_000);

  it('writes replayable saved games and a CSV row per game', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-'));
    const { records, summary } = await runSweep({ ...base, games: 3, workers: 2, saveDir: dir });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['00000-sweep-t_0.json', '00001-sweep-t_1.json', '00002-sweep-t_2.json']);
    const save = parseSaveFile(readFileSync(join(dir, files[1]!), 'utf8'));
    expect(save.bots).toEqual({ china: 'scripted:5', nato: 'scripted:1', japan: 'random', korea: 'scripted:3' });
    // The difficulty table is a balance number (docs/BALANCE.md): follow it rather than pin it.
    expect(save.handicap).toEqual({
      china: handicapFor({ kind: 'scripted', level: 5 }),
      nato: handicapFor({ kind: 'scripted', level: 1 }),
    });
    expect(replayThroughEngine(engineGame(), realRules, save).hash).toBe(records[1]!.finalHash);

    const text = gamesCsv(records);
    expect(text.endsWith('\r\n') && !/[^\r]\n/.test(text)).toBe(true); // RFC 4180: CRLF after every record
    const csv = text.trimEnd().split('\r\n');
    expect(csv[0]).toBe(GAMES_CSV_HEADER.join(','));
    expect(csv).toHaveLength(4);
    const row = csv[2]!.split(',');
    expect(row[0]).toBe('sweep-t#1');
    expect(row[1]).toBe(records[1]!.winner ?? '');
    expect(Number(row[2])).toBe(records[1]!.margins.china);
    expect(Number(row[6])).toBe(records[1]!.turns);
    expect(row[7]).toBe(records[1]!.ending);

    const html = renderSweepHtml(summary, records);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThan(10);
  }, 60_000);
});
