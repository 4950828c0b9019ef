// npm run bench:load [-- --clients N] [-- --connections N] [-- --seconds N] [-- --out FILE]
// Issue 15's load test: `next start` against the bench database's firm (100,000 clients by
// default, seeded with COPY when missing), three consultants of different teams signed in, and
// autocannon with 50 connections for 60 s mixing the roster, a client page, the dashboard and a
// CSV export of the consultant's roster. Passes with 0 errors, 0 5xx and no memory growth: next
// start's live heap and RSS, each read after a quiet spell and a full collection, after a warm-up
// run of the same load against after the measured run. Not part of `npm test`.
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { prisma } from "@/lib/db/prisma";
import { openBenchDatabase, type BenchDatabase } from "./bench/database";
import { precomputeIfMissing } from "./bench/draw-match";
import { putLoad, runLoad, signInConsultants, type LoadRequest } from "./bench/http";
import { benchRounds, log } from "./bench/measure";
import { formatReport, sizeLabel, targetsOf, type Figures } from "./bench/report";
import { ensureBenchFirm } from "./bench/seed";
import { startNext, type NextServer } from "./bench/server";
import { round } from "./bench/stats";
import { buildIfStale } from "./lib/build-if-stale";
import { EXIT_OK, parseCommandLine, runCommand, wholeNumberOption, writeOut } from "./lib/cli";
import { onShutdownSignal } from "./lib/shutdown";

const USAGE = `Usage: npm run bench:load [-- --clients N] [-- --connections N] [-- --seconds N] [-- --out FILE]

HTTP load through next start (built when stale) on the bench database's N-client firm (default
100000): roster, client page, dashboard and CSV export mixed, signed in as three consultants.
Writes its figures with their targets to bench/load-results.json (--out).`;

let database: BenchDatabase | null = null;

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    clients: { type: "string" },
    connections: { type: "string" },
    seconds: { type: "string" },
    out: { type: "string" },
  });
  if (values.help) {
    await writeOut(`${USAGE}\n`);
    return EXIT_OK;
  }
  const clients = wholeNumberOption("clients", values.clients as string | undefined) ?? 100_000;
  const connections = wholeNumberOption("connections", values.connections as string | undefined) ?? 50;
  const seconds = wholeNumberOption("seconds", values.seconds as string | undefined) ?? 60;
  const out = path.resolve((values.out as string | undefined) ?? path.join("bench", "load-results.json"));
  const loadStart = os.loadavg();
  const started = performance.now();
  onShutdownSignal(() => {
    const db = database;
    database = null;
    (db ? db.release() : Promise.resolve()).finally(() => process.exit(130));
  });

  database = await openBenchDatabase({ reseed: false, log });
  process.env.DATABASE_URL = database.url;
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  try {
    const now = new Date();
    const figures: Figures = { date: now.toISOString(), cpus: os.cpus().length, cpu_model: os.cpus()[0]?.model ?? "unknown", memory_gb: Math.round(os.totalmem() / 1024 ** 3), node_version: process.version, clients, connections, seconds };
    const firm = await ensureBenchFirm(pool, figures, { clients, label: sizeLabel(clients), now, log });
    for (const { number } of await benchRounds()) await precomputeIfMissing(pool, firm.id, number);
    await buildIfStale({ quiet: true, log });
    const server = await startNext(database.url, log, { heapProbe: true });
    try {
      const users = await signInConsultants(server, pool, firm);
      const mix: LoadRequest[] = users.flatMap((u) => [
        { path: "/clients", cookie: u.cookie },
        { path: `/clients/${u.clientId}`, cookie: u.cookie },
        { path: "/", cookie: u.cookie },
        { path: "/api/exports/roster.csv", cookie: u.cookie },
      ]);
      // Long enough for V8's heaps and Next's caches to reach their working size: growth after it is growth.
      // The warm-up is the load itself, once: V8's heaps, the allocator's arenas and Next's caches
      // reach their working size, so what the second run adds is growth, not first use.
      log(`warming up (${seconds} s, the same load)…`);
      await runLoad(server.url, { connections, seconds, requests: mix });
      const before = await settledMemory(server);
      figures.load_rss_before_mb = round(before.rssMb);
      figures.load_heap_before_mb = round(before.heapUsedMb);
      let peak = server.rssMb();
      const sampler = setInterval(() => (peak = Math.max(peak, server.rssMb())), 500);
      const midway = setTimeout(() => (figures.load_rss_midway_mb = round(server.rssMb())), (seconds * 1000) / 2);
      log(`${connections} connections for ${seconds} s…`);
      const load = await runLoad(server.url, { connections, seconds, requests: mix, timeoutSeconds: 60 });
      clearInterval(sampler);
      clearTimeout(midway);
      figures.load_rss_end_mb = round(server.rssMb());
      figures.load_rss_peak_mb = round(peak);
      const after = await settledMemory(server);
      figures.load_rss_after_mb = round(after.rssMb);
      figures.load_heap_after_mb = round(after.heapUsedMb);
      figures.load_rss_growth_mb = round(after.rssMb - before.rssMb);
      figures.load_heap_growth_mb = round(after.heapUsedMb - before.heapUsedMb);
      figures.load_external_before_mb = round(before.externalMb);
      figures.load_external_after_mb = round(after.externalMb);
      putLoad(figures, "load_mix", load);
      for (const [page, stats] of Object.entries(load.byPath)) {
        const name = page === "/" ? "dashboard" : page.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "_");
        figures[`load_${name}_requests`] = stats.requests;
        figures[`load_${name}_p95_ms`] = stats.p95Ms;
      }
      log(`load: ${load.requests} requests, ${round(load.requestsPerSecond)}/s, p95 ${round(load.p95Ms)} ms, errors ${load.errors}, 5xx ${load.status5xx}; after GC: heap ${figures.load_heap_before_mb} → ${figures.load_heap_after_mb} MB, RSS ${figures.load_rss_before_mb} → ${figures.load_rss_after_mb} MB`);
    } finally {
      await server.stop();
    }
    const loadEnd = os.loadavg();
    figures.load_avg_start = loadStart.map(round).join(" / ");
    figures.load_avg_end = loadEnd.map(round).join(" / ");
    figures.total_s = Math.round((performance.now() - started) / 1000);
    const targets = targetsOf(figures);
    const results = { ...figures, targets, targets_missed: Object.values(targets).filter((t) => !t.pass).map((t) => t.figure) };
    await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${path.relative(process.cwd(), out)}`);
    await writeOut(formatReport(figures, targets));
    return EXIT_OK;
  } finally {
    await pool.end().catch(() => {});
    await prisma().$disconnect().catch(() => {});
    await database?.release();
  }
}

/** Quiet for a while (V8 gives memory back some seconds after a burst), then everything collected: what stays is what the server holds. */
const SETTLE_MS = 10_000;
async function settledMemory(server: NextServer) {
  await sleep(SETTLE_MS);
  return server.memoryAfterGc();
}

runCommand("bench:load", USAGE, main);
