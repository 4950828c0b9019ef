// npm run bench [-- --json] [-- --clients N] [-- --runs N] [-- --keep]
// The scale benchmark (issue 7): a fresh database with a 100,000-client firm and IRCC's real draw
// history, then the roster, draw impact, dashboard, exports and new-draw matching as the app runs
// them, each beside the same answer written directly in SQL. See bench/README.md for the figures.
import os from "node:os";
import pg from "pg";
import type { Scope } from "@/lib/auth/scope";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import { listClients } from "@/lib/db/clients";
import { drawImpact } from "@/lib/db/draws/impact";
import { importRounds } from "@/lib/db/draws/import";
import { latestDraw } from "@/lib/db/draws";
import { prisma } from "@/lib/db/prisma";
import type { DrawKind } from "@/lib/draws/kinds";
import { dashboardData, rawDashboard } from "./bench/dashboard";
import { runExportChild } from "./bench/exports";
import { benchRound } from "./bench/new-draw";
import { rawDrawImpact } from "./bench/raw-impact";
import { rawRosterPage } from "./bench/raw-roster";
import { type Figures, formatSingles, formatTable, targetsOf } from "./bench/report";
import { seedClients, seedDraws, seedFirm, vacuumAnalyze, type BenchFirm } from "./bench/seed";
import { comparePair, round, summarise, timed, type Pair } from "./bench/stats";
import { EXIT_OK, parseCommandLine, printJson, runCommand, wholeNumberOption, writeOut } from "./lib/cli";
import { onShutdownSignal } from "./lib/shutdown";
import { createTestDatabase, type TestDatabase } from "./lib/test-database";

const COMMAND = "bench";
const USAGE = `Usage: npm run bench [-- --json] [-- --clients N] [-- --runs N] [-- --keep]

Creates a fresh database (on DATABASE_URL's server, else the embedded PostgreSQL), seeds a firm
with N synthetic clients and IRCC's draw history, measures the roster, draw impact, dashboard,
exports and new-draw matching, and drops the database (also on failure or Ctrl-C).

  --json        print one JSON object with every figure and the targets, nothing else on stdout
  --clients N   clients in the firm (default 100000)
  --runs N      timed runs per query, after ${3} warm-ups (default 30)
  --keep        keep the database afterwards and print its name on stderr (for EXPLAIN)

Progress goes to stderr. Exit status: 0 done (targets missed or not), 1 failed, 2 usage.`;

const WARMUPS = 3;
const MATCH_RUNS = 5;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** "100k" for 100,000: figure names carry the firm's size. */
function sizeLabel(count: number): string {
  return count % 1000 === 0 ? `${count / 1000}k` : String(count);
}

function putPair(figures: Figures, base: string, pair: Pair): void {
  figures[`${base}_p50_ms`] = round(pair.app.p50);
  figures[`${base}_p95_ms`] = round(pair.app.p95);
  figures[`${base}_raw_p50_ms`] = round(pair.raw.p50);
  figures[`${base}_raw_p95_ms`] = round(pair.raw.p95);
  figures[`${base}_app_to_raw_ratio`] = Math.round((pair.app.p50 / pair.raw.p50) * 100) / 100;
}

/** Same answer from both sides, or a warning: a raw query that answers something else proves nothing. */
function check(figures: Figures, base: string, app: unknown, raw: unknown): void {
  const same = JSON.stringify(app) === JSON.stringify(raw);
  figures[`${base}_same_result`] = same;
  if (!same) log(`warning: ${base}: the app and the raw SQL disagree: app ${JSON.stringify(app).slice(0, 400)} raw ${JSON.stringify(raw).slice(0, 400)}`);
}

const ROSTER_VIEWS = [
  { name: "default", search: "" },
  { name: "filtered", search: "status=profile_active&program=CEC&crsMin=450&sort=crs&dir=desc" },
  { name: "search", search: "q=patel" },
];

async function benchRoster(figures: Figures, firm: BenchFirm, pool: pg.Pool, runs: number, now: Date): Promise<void> {
  const scopes: [string, Scope][] = [["roster", firm.owner], ["roster_consultant", firm.consultant]];
  for (const [prefix, scope] of scopes) {
    for (const view of ROSTER_VIEWS) {
      const base = `${prefix}_${view.name}`;
      const query = parseRosterQuery(new URLSearchParams(view.search));
      const app = () => listClients(scope, query, { now });
      const raw = () => rawRosterPage(pool, scope, query);
      const [a, r] = [await app(), await raw()];
      check(figures, base, { ids: a.rows.map((row) => row.id), total: a.total }, { ids: r.ids, total: r.total });
      figures[`${base}_total`] = a.total;
      putPair(figures, base, await comparePair({ runs, warmups: WARMUPS, app, raw }));
      log(`${base}: p50 ${figures[`${base}_p50_ms`]} ms, p95 ${figures[`${base}_p95_ms`]} ms, raw p50 ${figures[`${base}_raw_p50_ms`]} ms`);
    }
  }
}

/** The draws measured: the latest CEC, the latest PNP, and the newer of the latest healthcare and French. */
async function impactDraws(): Promise<[string, string][]> {
  const [cec, pnp, healthcare, french] = await Promise.all((["cec", "pnp", "healthcare", "french"] as DrawKind[]).map((kind) => latestDraw(kind)));
  const category = [healthcare, french].filter((d) => d !== null).sort((a, b) => b!.date.localeCompare(a!.date))[0];
  const draws: [string, string][] = [];
  if (cec) draws.push(["cec", cec.number]);
  if (pnp) draws.push(["pnp", pnp.number]);
  if (category) draws.push(["category", category.number]);
  return draws;
}

async function benchDrawImpact(figures: Figures, firm: BenchFirm, pool: pg.Pool, runs: number): Promise<void> {
  for (const [name, number] of await impactDraws()) {
    const base = `draw_impact_${name}`;
    const app = () => drawImpact(firm.owner, number);
    const raw = () => rawDrawImpact(pool, firm.owner, number);
    const [a, r] = [await app(), await raw()];
    const counts = { above: a.above.length, newlyAbove: a.newlyAbove.length, nearMiss: a.nearMiss.length, ineligibleCloseTotal: a.ineligibleCloseTotal };
    check(figures, base, counts, r.counts);
    figures[`${base}_draw`] = `${number} (${a.draw.kind}, cut-off ${a.draw.cutoff})`;
    figures[`${base}_above`] = counts.above;
    figures[`${base}_newly_above`] = counts.newlyAbove;
    figures[`${base}_near_miss`] = counts.nearMiss;
    putPair(figures, base, await comparePair({ runs, warmups: WARMUPS, app, raw }));
    log(`${base} (#${number}): p50 ${figures[`${base}_p50_ms`]} ms, p95 ${figures[`${base}_p95_ms`]} ms, raw p50 ${figures[`${base}_raw_p50_ms`]} ms`);
  }
}

async function benchDashboard(figures: Figures, firm: BenchFirm, pool: pg.Pool, runs: number, now: Date): Promise<void> {
  const app = () => dashboardData(firm.owner, now);
  const raw = () => rawDashboard(pool, firm.owner, now);
  const [a, r] = [await app(), await raw()];
  check(figures, "dashboard", a.check, r.check);
  putPair(figures, "dashboard", await comparePair({ runs, warmups: WARMUPS, app, raw }));
  log(`dashboard: p50 ${figures.dashboard_p50_ms} ms, p95 ${figures.dashboard_p95_ms} ms, raw p50 ${figures.dashboard_raw_p50_ms} ms`);
  // Each widget alone, to tell which one a slow dashboard is waiting for.
  for (const [widget, call] of Object.entries(a.widgets)) {
    const samples: number[] = [];
    for (let i = 0; i < WARMUPS; i++) await call();
    for (let i = 0; i < Math.min(runs, 10); i++) samples.push((await timed(call)).ms);
    figures[`dashboard_widget_${widget}_p50_ms`] = round(summarise(samples).p50);
  }
}

async function benchExports(figures: Figures, firm: BenchFirm, databaseUrl: string, label: string, now: Date): Promise<void> {
  for (const format of ["csv", "xlsx"] as const) {
    const result = await runExportChild(databaseUrl, { format, scope: firm.owner, search: "", now });
    const base = `export_${format}_${label}`;
    figures[`${base}_ms`] = round(result.totalMs);
    figures[`${base}_first_byte_ms`] = round(result.firstByteMs);
    figures[`${base}_peak_rss_mb`] = round(result.peakRssMb);
    figures[`${base}_base_rss_mb`] = round(result.baseRssMb);
    figures[`${base}_peak_heap_used_mb`] = round(result.peakHeapUsedMb);
    figures[`${base}_rows`] = result.rows;
    figures[`${base}_bytes`] = result.bytes;
    log(`${base}: ${round(result.totalMs)} ms, first byte ${round(result.firstByteMs)} ms, peak RSS ${round(result.peakRssMb)} MB (${result.rows} rows)`);
  }
}

/** A CEC round dated today arrives: import it, then the draw page's query on it, timed as one. */
async function benchNewDraw(figures: Figures, firm: BenchFirm, now: Date): Promise<void> {
  const latestCec = await latestDraw("cec");
  if (!latestCec) return;
  const totals: number[] = [];
  const imports: number[] = [];
  const impacts: number[] = [];
  for (let i = 1; i <= MATCH_RUNS; i++) {
    const round = benchRound(latestCec, `bench-${i}`, new Date(now.getTime() + i * 60_000));
    const start = performance.now();
    await importRounds([round], { source: "benchmark", importedBy: "bench" });
    const imported = performance.now();
    await drawImpact(firm.owner, round.number);
    const end = performance.now();
    totals.push(end - start);
    imports.push(imported - start);
    impacts.push(end - imported);
  }
  figures.match_new_draw_ms = round(summarise(totals).p50);
  figures.match_new_draw_max_ms = round(summarise(totals).max);
  figures.match_new_draw_import_ms = round(summarise(imports).p50);
  figures.match_new_draw_impact_ms = round(summarise(impacts).p50);
  log(`match_new_draw: median ${figures.match_new_draw_ms} ms over ${MATCH_RUNS} new rounds (import ${figures.match_new_draw_import_ms} ms, impact ${figures.match_new_draw_impact_ms} ms)`);
}

let database: TestDatabase | null = null;
let keep = false;

async function disposeDatabase(): Promise<void> {
  const db = database;
  database = null;
  if (!db) return;
  await prisma().$disconnect().catch(() => {});
  if (keep) {
    log(`kept database ${db.name}: ${db.url}`);
    return;
  }
  await db.dispose();
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    json: { type: "boolean", default: false },
    clients: { type: "string" },
    runs: { type: "string" },
    keep: { type: "boolean", default: false },
  });
  if (values.help) {
    await writeOut(`${USAGE}\n`);
    return EXIT_OK;
  }
  const clients = wholeNumberOption("clients", values.clients as string | undefined) ?? 100_000;
  const runs = Math.max(1, wholeNumberOption("runs", values.runs as string | undefined) ?? 30);
  keep = Boolean(values.keep);
  const label = sizeLabel(clients);
  const started = performance.now();
  const load1Start = os.loadavg()[0];

  onShutdownSignal((signal) => {
    log(`${signal}: dropping the database…`);
    disposeDatabase().finally(() => process.exit(130));
  });

  log("creating a fresh database…");
  database = await createTestDatabase({ log });
  process.env.DATABASE_URL = database.url;
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  try {
    const now = new Date();
    const figures: Figures = {};
    const { rows: versionRows } = await pool.query<{ server_version: string }>("SHOW server_version");
    figures.date = now.toISOString();
    figures.cpus = os.cpus().length;
    figures.cpu_model = os.cpus()[0]?.model ?? "unknown";
    figures.memory_gb = Math.round(os.totalmem() / 1024 ** 3);
    figures.node_version = process.version;
    figures.postgres_version = versionRows[0].server_version;
    figures.database = database.server ? "embedded PostgreSQL" : "TEST_DATABASE_URL / DATABASE_URL server";
    figures.clients = clients;
    figures.runs = runs;
    figures.warmups = WARMUPS;

    log(`seeding a firm with ${clients} clients…`);
    const firmTime = await timed(() => seedFirm());
    const firm = firmTime.result;
    const drawsTime = await timed(() => seedDraws());
    const seeded = await seedClients(firm, clients, now);
    figures.seed_firm_ms = round(firmTime.ms);
    figures.seed_draws_ms = round(drawsTime.ms);
    figures.draws = drawsTime.result;
    figures[`seed_generate_${label}_clients_ms`] = round(seeded.generateMs);
    figures[`seed_${label}_clients_ms`] = round(seeded.insertMs);
    figures.crs_scores = seeded.scores;
    figures.seed_vacuum_analyze_ms = round(await vacuumAnalyze(pool));
    log(`seeded: clients ${round(seeded.insertMs)} ms (generated in ${round(seeded.generateMs)} ms), ${seeded.scores} scores, ${drawsTime.result} draws; VACUUM ANALYZE ${figures.seed_vacuum_analyze_ms} ms`);

    await benchRoster(figures, firm, pool, runs, now);
    await benchDrawImpact(figures, firm, pool, runs);
    await benchDashboard(figures, firm, pool, runs, now);
    await benchExports(figures, firm, database.url, label, now);
    await benchNewDraw(figures, firm, now);

    figures.load_avg_1m_start = round(load1Start);
    figures.load_avg_1m_end = round(os.loadavg()[0]);
    figures.total_s = Math.round((performance.now() - started) / 1000);
    const targets = targetsOf(figures);
    const failed = Object.values(targets).filter((t) => !t.pass).map((t) => t.figure);

    const report = humanReport(figures, targets, label, failed);
    if (values.json) {
      // The table goes to stderr beside the logs, so a --json run still shows people its results.
      process.stderr.write(`\n${report}`);
      await printJson({ ...figures, targets, targets_missed: failed });
    } else {
      await writeOut(report);
    }
    return EXIT_OK;
  } finally {
    await pool.end().catch(() => {});
    await disposeDatabase();
  }
}

function humanReport(figures: Figures, targets: ReturnType<typeof targetsOf>, label: string, failed: string[]): string {
  const groups = [
    ...["", "consultant_"].flatMap((who) =>
      ROSTER_VIEWS.map((v) => ({ title: `roster ${who ? "consultant " : "owner "}${v.name}`, base: `roster_${who}${v.name}` })),
    ),
    ...["cec", "pnp", "category"].filter((k) => `draw_impact_${k}_p50_ms` in figures).map((k) => ({ title: `draw impact ${k} #${String(figures[`draw_impact_${k}_draw`]).split(" ")[0]}`, base: `draw_impact_${k}` })),
    { title: "dashboard (all widgets)", base: "dashboard" },
  ];
  const singles = [
    { title: `seed ${label} clients (bulk insert, 1 tx)`, figure: `seed_${label}_clients_ms`, unit: "ms" },
    { title: `generate ${label} synthetic clients`, figure: `seed_generate_${label}_clients_ms`, unit: "ms" },
    { title: "VACUUM ANALYZE after seeding", figure: "seed_vacuum_analyze_ms", unit: "ms" },
    { title: `CSV export, ${label} rows`, figure: `export_csv_${label}_ms`, unit: "ms" },
    { title: "  first byte", figure: `export_csv_${label}_first_byte_ms`, unit: "ms" },
    { title: "  peak RSS of the exporting process", figure: `export_csv_${label}_peak_rss_mb`, unit: "MB" },
    { title: `XLSX export, ${label} rows`, figure: `export_xlsx_${label}_ms`, unit: "ms" },
    { title: "  first byte", figure: `export_xlsx_${label}_first_byte_ms`, unit: "ms" },
    { title: "  peak RSS of the exporting process", figure: `export_xlsx_${label}_peak_rss_mb`, unit: "MB" },
    { title: "match a new CEC draw (import + impact)", figure: "match_new_draw_ms", unit: "ms" },
  ];
  return [
    `DrawDesk benchmark — ${figures.clients} clients, ${figures.runs} runs after ${figures.warmups} warm-ups, ${figures.date}`,
    `${figures.cpus} × ${figures.cpu_model}, Node ${figures.node_version}, PostgreSQL ${figures.postgres_version}; load average ${figures.load_avg_1m_start} → ${figures.load_avg_1m_end}; ${figures.total_s} s`,
    "",
    formatTable(figures, targets, groups),
    "",
    formatSingles(figures, targets, singles),
    "",
    failed.length === 0 ? "All targets met." : `Targets missed: ${failed.join(", ")}`,
    "",
  ].join("\n");
}

runCommand(COMMAND, USAGE, main);
