// Faults survived, nothing lost (issue 15): DrawDesk processes killed with SIGKILL in the middle of
// a 20,000-row client import, a feed sync and a 100,000-row export, and PostgreSQL stopped under a
// running app. Everything runs on an embedded PostgreSQL of its own (a temporary DRAWDESK_DATA_DIR,
// never the run's test server: this file stops and restarts it), started by the killed processes
// themselves as `npm start` and the commands start it. Each kill is made to land mid-way for
// certain — a lock the test holds stops the process inside its transaction, or the test stops
// reading — and the test checks it did before judging what is left.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_CSV_COLUMNS } from "@/lib/clients/csv-template";
import { insertClientsBulk } from "@/lib/db/clients/bulk";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, testClientInsert, type TestFirm } from "@/lib/db/testing/fixtures";
import { feedRound } from "@/lib/jobs/testing/draw-day";
import { startEmbeddedDatabase, stopServer, type RunningDatabase } from "./embedded-db";
import { blockInserts, clusterDirOf, serverRunning, startProcess, until, type AppProcess } from "./test-fixtures/fault-kit";

const EXPORT_ROWS = 100_000;
const IMPORT_ROWS = 20_000;
const UNAVAILABLE = "The database is unavailable right now. Please try again in a moment.";

let dataDir: string;
let env: NodeJS.ProcessEnv;
let url: string;
let lease: RunningDatabase | null = null;
const processes: AppProcess[] = [];
let exporter: TestFirm;
let importer: TestFirm;

function start(script: string, args: string[] = []): AppProcess {
  const app = startProcess(script, args, env);
  processes.push(app);
  return app;
}

async function startApp(): Promise<{ app: AppProcess; port: number; databaseUrl: string }> {
  const app = start("scripts/lib/test-fixtures/fault-app.ts");
  const first = await app.line(/^\{"port"/, 150_000);
  return { app, ...(JSON.parse(first) as { port: number; databaseUrl: string }) };
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * What a user does after the crash: starts DrawDesk again. The killed process held the last lease,
 * so the reaper has stopped the server first; it must start cleanly on the same cluster.
 */
async function restartLikeNpmStart(): Promise<void> {
  await until(() => !serverRunning(dataDir), 20_000, "the reaper to stop the orphaned server");
  lease = await startEmbeddedDatabase({ dataDir, log: () => {} });
  expect(lease.startedHere).toBe(true);
  expect((await query<{ one: number }>("SELECT 1 AS one"))[0].one).toBe(1);
}

/** Hands the server to `holder` alone (the killed process must be the last one holding it). */
async function leaveServerTo(holder: AppProcess): Promise<void> {
  await until(() => fs.readdirSync(path.join(dataDir, "pg-lease")).includes(String(holder.child.pid)), 60_000, "the process to join the server");
  await lease?.stop();
  lease = null;
}

beforeAll(async () => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "drawdesk-faults-")), "data");
  fs.chmodSync(path.dirname(dataDir), 0o755); // the server account must reach the cluster (see embedded-db.integration.test.ts)
  const { NODE_OPTIONS: _n, VITEST: _v, DATABASE_URL: _d, TEST_DATABASE_URL: _t, ...base } = process.env;
  env = { ...base, DRAWDESK_DATA_DIR: dataDir };
  // The seeding app creates and migrates the cluster; later starts reuse its port, as a restarted server would.
  const { app, databaseUrl } = await startApp();
  url = databaseUrl;
  env.EMBEDDED_PG_PORT = process.env.EMBEDDED_PG_PORT = new URL(url).port;
  process.env.DATABASE_URL = url; // lib/db in this file seeds and reads the same database
  lease = await startEmbeddedDatabase({ dataDir, log: () => {} });
  await app.stop();

  exporter = await createTestFirm({ label: "fault-export" });
  importer = await createTestFirm({ label: "fault-import" });
  const teamId = exporter.teams[0].id;
  const rows = Array.from({ length: 10_000 }, (_, i) => testClientInsert(teamId, { lastName: `Export${i}` }));
  for (let done = 0; done < EXPORT_ROWS; done += rows.length) await insertClientsBulk(prisma(), exporter.id, rows, { timeZone: "America/Toronto" });
}, 180_000);

afterAll(async () => {
  await prisma().$disconnect();
  for (const app of processes) await app.kill9();
  await lease?.stop();
  if (serverRunning(dataDir)) await stopServer(clusterDirOf(dataDir));
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the reaper's last tick
  const cluster = clusterDirOf(dataDir);
  if (!cluster.startsWith(dataDir)) fs.rmSync(path.dirname(cluster), { recursive: true, force: true });
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
}, 60_000);

describe("kill -9 in the middle", () => {
  it("of a 100,000-row roster export: the download is cut, the audit says it started, nothing says it finished", async () => {
    const { app, port } = await startApp();
    await leaveServerTo(app);
    let received = "";
    const cut = await new Promise<boolean>((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${port}/roster.csv?firm=${exporter.id}&user=${exporter.user("owner").id}`, (response) => {
          if (response.statusCode !== 200) return reject(new Error(`export answered ${response.statusCode}: ${app.output()}`));
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            received += chunk;
            // The reader stops reading here: backpressure holds the export where it is.
            if (received.split("\n").length > 10_000 && !response.isPaused()) {
              response.pause();
              void app.kill9().then(() => response.resume());
            }
          });
          response.on("end", () => resolve(false));
          response.on("error", () => resolve(true));
          response.on("close", () => resolve(!response.complete));
        })
        .on("error", reject);
    });
    const lines = received.split("\n").filter(Boolean).length;
    expect(cut).toBe(true);
    expect(lines).toBeGreaterThan(10_000); // the kill landed mid-way…
    expect(lines).toBeLessThan(EXPORT_ROWS + 1); // …not after the last row (header + 100,000)

    await restartLikeNpmStart();
    // Audited before its first byte left, with what it was going to hold: an interrupted download
    // was still an export of client data. No entry anywhere claims it completed.
    const audit = await prisma().auditLog.findMany({ where: { firmId: exporter.id, action: { startsWith: "export." } } });
    expect(audit.map((a) => [a.action, (a.metadata as { rows: number }).rows])).toEqual([["export.roster_csv", EXPORT_ROWS]]);
    expect(JSON.stringify(audit[0].metadata)).not.toMatch(/complete|done|finished/i);
  }, 90_000);

  it("of a 20,000-row client import (npm run clients:import): all or nothing, here nothing", async () => {
    const file = path.join(path.dirname(dataDir), "clients.csv");
    const row = (i: number) =>
      CLIENT_CSV_COLUMNS.map((c) => ({ firstName: "Ana", lastName: `Import${i}`, email: `ana.${i}@import.example`, team: "Team One", profileNumber: `F${String(i).padStart(9, "0")}`, profileSubmittedAt: "2026-02-03T14:25:00Z", programs: "CEC", crs: String(300 + (i % 300)) })[c as string] ?? "").join(",");
    fs.writeFileSync(file, [CLIENT_CSV_COLUMNS.join(","), ...Array.from({ length: IMPORT_ROWS }, (_, i) => row(i))].join("\n") + "\n");

    // The import's last step is its audit entry, in the same transaction as its rows: holding that
    // table stops it there, every batch inserted and nothing committed.
    const blocker = await blockInserts(url, "AuditLog");
    const cli = start("scripts/clients-import.ts", ["--firm", importer.slug, file]);
    await leaveServerTo(cli);
    const backend = await blocker.blocked();
    expect(cli.output()).toMatch(/imported [\d,]+ of 20,000 rows/); // it was writing rows when it stopped
    await cli.kill9();
    await blocker.release();
    await until(async () => (await query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [backend]).catch(() => [])).length === 0, 20_000, "the killed import's session to end");

    await restartLikeNpmStart();
    expect(await prisma().client.count({ where: { firmId: importer.id } })).toBe(0);
    expect(await prisma().auditLog.count({ where: { firmId: importer.id, action: "client.import" } })).toBe(0);
  }, 90_000);

  it("of a feed sync (npm run draws:sync): the rounds and their draw-day matches come whole or not at all", async () => {
    const now = Date.now();
    const rounds = ["9001", "9002", "9003"].map((n, i) => feedRound(n, new Date(now - (i + 1) * 86_400_000), { cutoff: 480 + i }));
    const body = JSON.stringify({ rounds });
    let sentHalf: () => void = () => {};
    const halfSent = new Promise<void>((resolve) => (sentHalf = resolve));
    let slow = true;
    // A feed that sends half its bytes and then stalls (slow = true), or answers at once.
    const feed = http.createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
      if (!slow) return void response.end(body);
      response.write(body.slice(0, body.length / 2), () => sentHalf());
    });
    await new Promise<void>((resolve) => feed.listen(0, "127.0.0.1", resolve));
    const feedUrl = `http://127.0.0.1:${(feed.address() as import("node:net").AddressInfo).port}/ee_rounds_123_en.json`;
    const drawState = async () => ({
      draws: await prisma().draw.count({ where: { number: { in: ["9001", "9002", "9003"] } } }),
      matches: await prisma().drawMatch.count({ where: { drawNumber: { in: ["9001", "9002", "9003"] } } }),
      imports: await prisma().drawImport.count({ where: { source: feedUrl } }),
    });
    try {
      // 1. Killed while the feed is still arriving: nothing was written.
      const reading = start("scripts/draws-sync.ts", ["--url", feedUrl]);
      await halfSent;
      await reading.kill9();
      feed.closeAllConnections();
      expect(await drawState()).toEqual({ draws: 0, matches: 0, imports: 0 });

      // 2. Killed inside the import's transaction: rounds and matches inserted, its record
      // (DrawImport, the last insert) held back by the test's lock, nothing committed.
      slow = false;
      const blocker = await blockInserts(url, "DrawImport");
      const importing = start("scripts/draws-sync.ts", ["--url", feedUrl]);
      await leaveServerTo(importing);
      const backend = await blocker.blocked();
      await importing.kill9();
      await blocker.release();
      await until(async () => (await query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [backend]).catch(() => [])).length === 0, 20_000, "the killed sync's session to end");
      await restartLikeNpmStart();
      expect(await drawState()).toEqual({ draws: 0, matches: 0, imports: 0 });

      // 3. Run again after the restart: the sync is complete — every round, a match per firm and round.
      const again = start("scripts/draws-sync.ts", ["--url", feedUrl]);
      await again.exited;
      expect(again.child.exitCode, again.output()).toBe(0);
      const firms = await prisma().firm.count();
      expect(await drawState()).toEqual({ draws: 3, matches: 3 * firms, imports: 1 });
    } finally {
      feed.closeAllConnections();
      feed.close();
    }
  }, 90_000);
});

describe("PostgreSQL stopped and started again under a running app", () => {
  it("answers in words while it is down, and recovers without restarting the app", async () => {
    const { app, port } = await startApp();
    const firmUrl = `http://127.0.0.1:${port}/firm?firm=${exporter.id}&user=${exporter.user("owner").id}`;
    // status 0: no answer at all (the app hung up or died).
    const ask = async () => {
      try {
        const response = await fetch(firmUrl, { signal: AbortSignal.timeout(20_000) });
        return { status: response.status, body: (await response.json()) as { name?: string; error?: string } };
      } catch (error) {
        return { status: 0, body: { error: `${(error as Error).message}: ${app.output().slice(-2000)}` } };
      }
    };
    expect(await ask()).toEqual({ status: 200, body: { name: exporter.name } });

    // Requests keep coming, ten at a time, while the server goes away and comes back.
    const answers: { status: number; body: { name?: string; error?: string } }[] = [];
    let asking = true;
    const load = Promise.all(
      Array.from({ length: 10 }, async () => {
        while (asking) {
          answers.push(await ask());
          await new Promise((resolve) => setTimeout(resolve, 20)); // a busy office, not a benchmark
        }
      }),
    );
    await until(() => answers.length >= 20, 20_000, "requests to flow");
    await stopServer(clusterDirOf(dataDir)); // every holder's lease stays: this is an outage, not a shutdown
    const down = answers.length;
    await until(() => answers.slice(down).filter((a) => a.status === 503).length >= 20, 20_000, "answers while the database is down");
    await lease?.stop(); // its server is gone; a new lease starts it again on the same port
    lease = await startEmbeddedDatabase({ dataDir, log: () => {} });
    expect(lease.startedHere).toBe(true);
    const up = answers.length;
    await until(() => answers.slice(up).some((a) => a.status === 200), 30_000, "the app to answer again");
    asking = false;
    await load;

    const failures = answers.filter((a) => a.status !== 200);
    expect(failures.length).toBeGreaterThanOrEqual(20);
    // Every failure is the one clear, retryable answer: no 500, no stack, no SQL.
    expect(new Set(failures.map((a) => `${a.status} ${a.body.error}`))).toEqual(new Set([`503 ${UNAVAILABLE}`]));
    expect(app.child.exitCode).toBeNull(); // the same process, never restarted
    expect(await ask()).toEqual({ status: 200, body: { name: exporter.name } });
    await app.stop();
  }, 90_000);
});
