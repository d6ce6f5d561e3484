/** The targets' markdown (`npm run bench:targets` prints it; docs/BALANCE.md holds it): the target table and the tables behind each row. */
import { SEATS, type Seat, type Variant } from '../content/ids';
import { aliveMoves, aliveTable, type AliveRow } from './alive';
import { EARLY_WIN_BEFORE_TURN } from './paired';
import { signatureTable } from './signatures';
import { wilson } from './stats';
import { BANDS, BASELINE, sweepName, TARGETS_SEED, type Measured, type PairCell, type Sizes } from './targets';
import { levelsLabel, n, pct, rate, SEAT_NAME, seatsLabel, targetRows, topMove } from './targets-report';

const table = (head: readonly string[], body: readonly (readonly string[])[]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
const sizeLine = (s: Sizes) =>
  `${n(s.games)} games per scripted sweep, ${n(s.probePairs)} pairs per probe, ${n(s.randomPairs)} per scripted-vs-random seat, ${n(s.levelPairs)} per level cell, ${n(s.expertGames)} Expert-vs-scripted games per seat, ${n(s.allExpertGames)} all-Expert games per scenario`;

/** The report: the target table, then the detail behind it (4-seat table, tension, probes, Expert, moves alive, signatures). */
export function targetsMarkdown(m: Measured): string {
  const rows = targetRows(m);
  const met = rows.filter((r) => r.met === true).length;
  const out = [
    `# Targets (seed ${TARGETS_SEED}; ${sizeLine(m.sizes)}; parts finished: ${m.parts.join(', ') || 'none'})`,
    '',
    `${met} of ${rows.length} target rows met.`,
    '',
    table(
      ['target', 'scope', 'figure [95% interval]', 'met', 'size', 'command'],
      rows.map((r) => [
        r.target,
        r.scope,
        r.figure,
        r.met === null ? '—' : r.met ? 'met' : '**not met**',
        r.size,
        `\`${r.command}\``,
      ]),
    ),
  ];
  const sweepRows = [4, 2].flatMap((variant) =>
    m.scenarios.flatMap((scenario) => {
      const s = m.sweeps[sweepName(variant as Variant, scenario)];
      if (!s) return [];
      const top = topMove(s);
      return [
        [
          `${scenario} (${seatsLabel(variant as Variant)})`,
          ...SEATS.map((k) =>
            s.seats[k] ? rate(s.seats[k].winRate, s.seats[k].ci95) : variant === 2 ? '(West)' : '—',
          ),
          rate(s.warRate, s.warCi95),
          `${top.name} ${pct(top.share)}`,
          s.meanTurns.toFixed(2),
        ],
      ];
    }),
  );
  if (sweepRows.length)
    out.push(
      '',
      '## Scripted sweeps (scripted:3 everywhere; 2 seats: NATO = the West)',
      '',
      table(['sweep', ...SEATS.map((s) => SEAT_NAME[s]), 'war', 'top move (AP share)', 'turns'], sweepRows),
    );
  const tension = m.scenarios.filter((s) => m.tension[s] && m.sweeps[sweepName(4, s)]);
  if (tension.length)
    out.push(
      '',
      '## Tension and culprits (4 seats)',
      '',
      table(
        [
          'scenario',
          ...SEATS.map((s) => `${SEAT_NAME[s]} tension a game`),
          'wars',
          'own action',
          'with culprit',
          'culprits',
          'causes',
        ],
        tension.map((scenario) => {
          const w = m.sweeps[sweepName(4, scenario)]!.wars;
          const list = (o: Record<string, number | undefined>) =>
            Object.entries(o)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ');
          return [
            scenario,
            ...SEATS.map((s) => m.tension[scenario]![s].mean.toFixed(2)),
            String(w.count),
            w.count ? `${w.ownAction} (${pct(w.ownAction / w.count)})` : '0',
            String(w.withCulprit),
            list(w.byCulprit),
            list(w.byCause),
          ];
        }),
      ),
    );
  const pairTable = (
    title: string,
    cells: readonly PairCell[],
    against: (c: PairCell) => string,
    band: number,
    strict: boolean,
  ) => {
    const keys = [...new Set(cells.map((c) => `${c.seat}\u0000${against(c)}`))];
    const bad = (x: number) => (strict ? x <= band : x < band);
    out.push(
      '',
      title,
      '',
      table(
        ['seat', 'against', ...m.scenarios],
        keys.map((k) => {
          const [seat, what] = k.split('\u0000') as [Seat, string];
          return [
            SEAT_NAME[seat],
            what,
            ...m.scenarios.map((scenario) => {
              const c = cells.find((x) => x.seat === seat && x.scenario === scenario && against(x) === what);
              if (!c) return '—';
              const text = rate(c.share.share, c.share.ci95);
              return bad(c.share.share) ? `**${text}**` : text;
            }),
          ];
        }),
      ),
    );
  };
  if (m.probes.length)
    pairTable(
      `## Policy probes: the balanced bot beats the probe (${n(m.sizes.probePairs)} pairs; bold below ${pct(BANDS.probe)})`,
      m.probes,
      (c) => c.against,
      BANDS.probe,
      false,
    );
  if (m.random.length)
    pairTable(
      `## Scripted beats random (${n(m.sizes.randomPairs)} pairs; bold below ${pct(BANDS.beatsRandom)})`,
      m.random,
      () => 'random',
      BANDS.beatsRandom,
      false,
    );
  if (m.levels.length)
    pairTable(
      `## Each level beats the one below (${n(m.sizes.levelPairs)} pairs; bold at or below ${pct(BANDS.levelUp)})`,
      m.levels,
      levelsLabel,
      BANDS.levelUp,
      true,
    );
  if (m.expert.length)
    out.push(
      '',
      `## The Expert against the scripted bot (${n(m.sizes.expertGames)} paired seeds)`,
      '',
      table(
        [
          'scenario',
          'seat',
          'Expert does better (paired)',
          'Expert wins',
          `wins before turn ${EARLY_WIN_BEFORE_TURN} (of its games)`,
        ],
        m.expert.map((c) => [
          c.scenario,
          SEAT_NAME[c.seat],
          rate(c.beatsScripted.share, c.beatsScripted.ci95),
          `${c.wins}/${c.games} = ${rate(c.wins / c.games, wilson(c.wins, c.games))}`,
          `${c.earlyWins} (${pct(c.earlyWins / c.games)})`,
        ]),
      ),
    );
  const allExpert = m.scenarios.flatMap((s) => m.sweeps[sweepName(4, s, 'all=expert')] ?? []);
  if (allExpert.length)
    out.push(
      '',
      `## All-Expert 4-seat games (${n(m.sizes.allExpertGames)} per scenario)`,
      '',
      table(
        ['scenario', ...SEATS.map((s) => SEAT_NAME[s]), 'war'],
        allExpert.map((s) => [
          s.scenario,
          ...SEATS.map((k) => rate(s.seats[k]!.winRate, s.seats[k]!.ci95)),
          rate(s.warRate, s.warCi95),
        ]),
      ),
    );
  if (m.parts.includes('four')) {
    const rows: AliveRow[] = aliveMoves(Object.values(m.sweeps));
    out.push('', `## Moves alive (over ${Object.keys(m.sweeps).join(', ')})`, '', aliveTable(rows));
  }
  const base = m.sweeps[sweepName(4, BASELINE)];
  const crises = m.scenarios.filter((s) => s !== BASELINE && m.sweeps[sweepName(4, s)]);
  if (base && crises.length)
    out.push(
      '',
      '## Scenario signatures',
      '',
      signatureTable([base, ...crises.map((s) => m.sweeps[sweepName(4, s)]!)]),
    );
  return `${out.join('\n')}\n`;
}
