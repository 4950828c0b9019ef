import type pg from "pg";
import type { Scope } from "@/lib/auth/scope";
import { parseRosterQuery, type RosterQuery } from "@/lib/clients/roster-query";
import { listClients } from "@/lib/db/clients";
import { drawImpact } from "@/lib/db/draws/impact";
import { latestDraw } from "@/lib/db/draws";
import { drawWatch } from "@/lib/db/dashboard";
import type { DrawKind } from "@/lib/draws/kinds";
import { dashboardData, dashboardWidgets, rawDashboard } from "./dashboard";
import { recomputeRound } from "./draw-match";
import { runExportChild } from "./exports";
import { clientPage, dashboardPage, deepRosterQuery, drawPage, ledgerPage, ROSTER_FILTERED, rosterPage } from "./pages";
import { rawCsvCopy } from "./raw-export";
import { rawDrawImpact } from "./raw-impact";
import { rawRosterPage } from "./raw-roster";
import type { Figures } from "./report";
import type { BenchFirm } from "./seed";
import { comparePair, putPair, ratio, round, sampleRuns, timed } from "./stats";

/** The measuring steps of `npm run bench`; each writes its figures and logs a line per figure. */

export const WARMUPS = 3;
export const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

export interface BenchContext {
  figures: Figures;
  firm: BenchFirm;
  pool: pg.Pool;
  runs: number;
  now: Date;
  label: string;
}

/** Same answer from both sides, or a warning: a raw query that answers something else proves nothing. */
function check(figures: Figures, base: string, app: unknown, raw: unknown): void {
  const same = JSON.stringify(app) === JSON.stringify(raw);
  figures[`${base}_same_result`] = same;
  if (!same) log(`warning: ${base}: the app and the raw SQL disagree: app ${JSON.stringify(app).slice(0, 400)} raw ${JSON.stringify(raw).slice(0, 400)}`);
}

/** The rounds the draw page is measured on: the latest CEC (a large round) and the newer of the latest healthcare and French. */
export async function benchRounds(): Promise<{ name: "cec" | "category"; number: string }[]> {
  const [cec, healthcare, french] = await Promise.all((["cec", "healthcare", "french"] as DrawKind[]).map((kind) => latestDraw(kind)));
  const category = [healthcare, french].filter((d) => d !== null).sort((a, b) => b!.date.localeCompare(a!.date))[0];
  return [...(cec ? [{ name: "cec" as const, number: cec.number }] : []), ...(category ? [{ name: "category" as const, number: category.number }] : [])];
}

/**
 * The benchmarked rounds' results stored as the draw.match job stores them, each timed; then the
 * dashboard's watched rounds (the latest of each kind in the last WATCH_DAYS), stored through the
 * draw watch's own ensureRoundsStored, so no timed page computes a round.
 */
export async function precompute(ctx: BenchContext): Promise<void> {
  for (const { name, number } of await benchRounds()) {
    const { ms, above, nearMiss } = await recomputeRound(ctx.pool, ctx.firm.id, number);
    ctx.figures[`recompute_round_${name}_${ctx.label}_ms`] = round(ms);
    log(`recompute round #${number} (${name}) for ${ctx.label} clients: ${round(ms)} ms (${above} above, ${nearMiss} near misses)`);
  }
  const { ms, result } = await timed(() => drawWatch(ctx.firm.owner, { limit: 5, now: ctx.now }));
  const watched = result.draws.map((d) => d.number);
  const { rows } = await ctx.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "DrawMatch" WHERE "firmId" = $1 AND "drawNumber" = ANY($2::text[]) AND "computedAt" IS NOT NULL`,
    [ctx.firm.id, watched],
  );
  if (rows[0].n !== watched.length) throw new Error(`only ${rows[0].n} of the ${watched.length} watched rounds are stored`);
  ctx.figures[`store_watched_rounds_${ctx.label}_ms`] = round(ms);
  log(`dashboard's watched rounds stored (${watched.join(", ")}): ${round(ms)} ms`);
}

async function sampleClientId(ctx: BenchContext): Promise<string> {
  const { rows } = await ctx.pool.query<{ id: string }>(
    `SELECT "id" FROM "Client" WHERE "firmId" = $1 AND "teamId" = $2 AND "status" = 'profile_active' ORDER BY "id" LIMIT 1 OFFSET 100`,
    [ctx.firm.id, ctx.firm.teamIds[0]],
  );
  return rows[0].id;
}

/** Every page a consultant opens, its server work through the page's own lib/db calls: p50 and p95. */
export async function benchPages(ctx: BenchContext): Promise<void> {
  const { owner, consultant } = ctx.firm;
  const filtered = parseRosterQuery(new URLSearchParams(ROSTER_FILTERED));
  const first = await rosterPage(owner, filtered, ctx.now);
  const deep = await deepRosterQuery(ctx.pool, owner, ROSTER_FILTERED, Math.floor(first.total / 2));
  // A cursor the data layer ignored would time the first page again.
  const deepIds = (await rosterPage(owner, deep, ctx.now)).rows.map((r) => r.id);
  if (deepIds.length === 0 || deepIds.some((id) => first.rows.some((r) => r.id === id))) throw new Error("deep roster page: the cursor did not move past the first page");
  const clientId = await sampleClientId(ctx);
  const pages: [string, () => Promise<unknown>][] = [
    ["roster_first", () => rosterPage(owner, parseRosterQuery(new URLSearchParams("")), ctx.now)],
    ["roster_filtered_first", () => rosterPage(owner, filtered, ctx.now)],
    ["roster_filtered_deep", () => rosterPage(owner, deep, ctx.now)],
    ["roster_consultant_first", () => rosterPage(consultant, parseRosterQuery(new URLSearchParams("")), ctx.now)],
    ["client", () => clientPage(consultant, clientId)],
    ["dashboard", () => dashboardPage(owner)],
    ["dashboard_consultant", () => dashboardPage(consultant)],
    ...(await benchRounds()).map(({ name, number }): [string, () => Promise<unknown>] => [`draw_${name}`, () => drawPage(owner, number)]),
    ["ledger", () => ledgerPage(consultant)],
  ];
  for (const [name, load] of pages) {
    const summary = await sampleRuns(load, { runs: ctx.runs, warmups: WARMUPS });
    ctx.figures[`page_${name}_${ctx.label}_p50_ms`] = round(summary.p50);
    ctx.figures[`page_${name}_${ctx.label}_p95_ms`] = round(summary.p95);
    log(`page ${name}: p50 ${round(summary.p50)} ms, p95 ${round(summary.p95)} ms`);
  }
  // Each dashboard widget alone, to tell which one a slow dashboard waits for.
  for (const [widget, call] of Object.entries(dashboardWidgets(owner, ctx.now))) {
    const summary = await sampleRuns(call, { runs: Math.min(ctx.runs, 5), warmups: 1 });
    ctx.figures[`dashboard_widget_${widget}_${ctx.label}_p50_ms`] = round(summary.p50);
    log(`dashboard widget ${widget}: p50 ${round(summary.p50)} ms`);
  }
}

async function pair(ctx: BenchContext, base: string, app: () => Promise<unknown>, raw: () => Promise<unknown>): Promise<void> {
  putPair(ctx.figures, base, await comparePair({ runs: ctx.runs, warmups: WARMUPS, app, raw }));
  log(`${base}: app p50 ${ctx.figures[`${base}_p50_ms`]} ms, raw p50 ${ctx.figures[`${base}_raw_p50_ms`]} ms, ratio ${ctx.figures[`${base}_app_to_raw_ratio`]}`);
}

/** Roster, draw page and dashboard beside their raw SQL, interleaved (app, raw, app, raw …). */
export async function benchRatios(ctx: BenchContext): Promise<void> {
  const views: [string, Scope, RosterQuery][] = [
    ["roster_default", ctx.firm.owner, parseRosterQuery(new URLSearchParams(""))],
    ["roster_filtered", ctx.firm.owner, parseRosterQuery(new URLSearchParams(ROSTER_FILTERED))],
    ["roster_consultant_default", ctx.firm.consultant, parseRosterQuery(new URLSearchParams(""))],
  ];
  const filteredTotal = (await rawRosterPage(ctx.pool, ctx.firm.owner, views[1][2])).total;
  views.push(["roster_filtered_deep", ctx.firm.owner, await deepRosterQuery(ctx.pool, ctx.firm.owner, ROSTER_FILTERED, Math.floor(filteredTotal / 2))]);
  for (const [base, scope, query] of views) {
    const app = () => listClients(scope, query, { now: ctx.now });
    const raw = () => rawRosterPage(ctx.pool, scope, query);
    const [a, r] = [await app(), await raw()];
    check(ctx.figures, base, { ids: a.rows.map((row) => row.id), total: a.total }, { ids: r.ids, total: r.total });
    await pair(ctx, base, app, raw);
  }
  for (const { name, number } of await benchRounds()) {
    const base = `draw_impact_${name}`;
    const app = () => drawImpact(ctx.firm.owner, number);
    const raw = () => rawDrawImpact(ctx.pool, ctx.firm.owner, number);
    const [a, r] = [await app(), await raw()];
    const ids = (rows: { clientId: string }[]) => rows.map((row) => row.clientId);
    const appLists = { above: ids(a.above), newlyAbove: ids(a.newlyAbove), nearMiss: ids(a.nearMiss), ineligibleClose: ids(a.ineligibleClose) };
    const appCounts = { above: a.above.length, newlyAbove: a.newlyAbove.length, nearMiss: a.nearMiss.length, ineligibleCloseTotal: a.ineligibleCloseTotal };
    check(ctx.figures, base, { counts: appCounts, lists: appLists }, r);
    ctx.figures[`${base}_draw`] = `${number} (${a.draw.kind}, cut-off ${a.draw.cutoff})`;
    ctx.figures[`${base}_above`] = a.above.length;
    await pair(ctx, base, app, raw);
  }
  const app = () => dashboardData(ctx.firm.owner, ctx.now);
  const raw = () => rawDashboard(ctx.pool, ctx.firm.owner, ctx.now);
  const [a, r] = [await app(), await raw()];
  check(ctx.figures, "dashboard", a.check, r.check);
  await pair(ctx, "dashboard", app, raw);
}

/**
 * The roster CSV (all clients) beside COPY … TO STDOUT of the same rows and columns, alternated
 * `pairs` times; the app's side runs in a child process so its peak RSS is the export's own. Then
 * the XLSX (when `xlsx`), against the CSV's median time.
 */
export async function benchExports(ctx: BenchContext, databaseUrl: string, options: { pairs: number; xlsx: boolean }): Promise<void> {
  const { figures, label } = ctx;
  const csv: number[] = [];
  const copy: number[] = [];
  let peak = 0;
  let added = 0;
  let last = null as Awaited<ReturnType<typeof runExportChild>> | null;
  for (let i = 0; i < options.pairs; i++) {
    last = await runExportChild(databaseUrl, { format: "csv", scope: ctx.firm.owner, search: "", now: ctx.now });
    csv.push(last.totalMs);
    peak = Math.max(peak, last.peakRssMb);
    added = Math.max(added, last.peakRssMb - last.baseRssMb);
    const raw = await timed(() => rawCsvCopy(ctx.pool, ctx.firm.owner));
    copy.push(raw.ms);
    figures[`export_copy_${label}_rows`] = raw.result.rows;
    log(`CSV ${label}: app ${round(last.totalMs)} ms (peak RSS ${round(last.peakRssMb)} MB), COPY ${round(raw.ms)} ms`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  figures[`export_csv_${label}_ms`] = round(median(csv));
  figures[`export_copy_${label}_ms`] = round(median(copy));
  figures[`export_csv_${label}_to_copy_ratio`] = ratio(median(csv), median(copy));
  figures[`export_csv_${label}_rows`] = last!.rows;
  figures[`export_csv_${label}_first_byte_ms`] = round(last!.firstByteMs);
  figures[`export_csv_${label}_peak_rss_mb`] = round(peak);
  figures[`export_csv_${label}_base_rss_mb`] = round(last!.baseRssMb);
  figures[`export_csv_${label}_rss_added_mb`] = round(added);
  if (!options.xlsx) return;
  const xlsx = await runExportChild(databaseUrl, { format: "xlsx", scope: ctx.firm.owner, search: "", now: ctx.now });
  figures[`export_xlsx_${label}_ms`] = round(xlsx.totalMs);
  figures[`export_xlsx_${label}_to_csv_ratio`] = ratio(xlsx.totalMs, median(csv));
  figures[`export_xlsx_${label}_peak_rss_mb`] = round(xlsx.peakRssMb);
  figures[`export_xlsx_${label}_base_rss_mb`] = round(xlsx.baseRssMb);
  figures[`export_xlsx_${label}_rss_added_mb`] = round(xlsx.peakRssMb - xlsx.baseRssMb);
  log(`XLSX ${label}: ${round(xlsx.totalMs)} ms (${figures[`export_xlsx_${label}_to_csv_ratio`]}× the CSV), peak RSS ${round(xlsx.peakRssMb)} MB`);
}
