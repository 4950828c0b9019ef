import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedFormatError, parseRounds } from "@/lib/draws/parse-rounds";
import type { NormalisedRound } from "@/lib/draws/round";
import { NotFoundError } from "@/lib/errors";
import { getDraw, latestDraw, latestDrawsPerKind, previousDrawOfKind, drawKindsPresent } from "./find";
import { listDraws } from "./ledger";
import { importRounds } from "./import";
import { prisma } from "../prisma";

/**
 * The rounds importer and the draw ledger against a real database, and the draws:import command
 * run as a user runs it. Draws are shared by every test file of the run: the synthetic rounds here
 * are "trades" rounds dated 1985 with a random suffix, which no other test reads.
 */

const ROOT = path.resolve(__dirname, "..", "..", "..");
const SNAPSHOT = path.join(ROOT, "data", "ee_rounds_123_en.json");
const rawFeed = JSON.parse(readFileSync(SNAPSHOT, "utf8")) as { rounds: Record<string, unknown>[] };
const snapshot = parseRounds(rawFeed);
const run = randomUUID().slice(0, 6);

/** A trades round modelled on round 408, renumbered and moved to 1985. */
function syntheticRound(n: number, overrides: Partial<NormalisedRound> = {}): NormalisedRound {
  const model = snapshot.rounds.find((r) => r.number === "408")!;
  const day = String(n).padStart(2, "0");
  return {
    ...model,
    number: `imp-${run}-${n}`,
    date: `1985-03-${day}`,
    drawnAt: `1985-03-${day}T14:00:00Z`,
    tieBreakAt: `1985-02-${day}T12:00:00Z`,
    kind: "trades",
    ...overrides,
  };
}

const drawRows = (numbers: string[]) => prisma().draw.findMany({ where: { number: { in: numbers } }, orderBy: { number: "asc" } });
const importsFrom = (source: string) => prisma().drawImport.findMany({ where: { source } });

describe("importRounds", () => {
  it("imports IRCC's snapshot, and a second import of it changes nothing", async () => {
    const numbers = snapshot.rounds.map((r) => r.number);
    const first = await importRounds(snapshot.rounds, { source: `snapshot-1-${run}`, importedBy: "test", warnings: snapshot.warnings });
    // Another test file may have imported it already; either way every round is now stored.
    expect(first.added.length + first.updated.length + first.unchanged).toBe(419);
    const before = await drawRows(numbers);
    expect(before).toHaveLength(419);

    const second = await importRounds(snapshot.rounds, { source: `snapshot-2-${run}`, importedBy: "test", warnings: snapshot.warnings });
    expect(second).toMatchObject({ added: [], updated: [], unchanged: 419, confirmed: [], dryRun: false });
    expect(await drawRows(numbers)).toEqual(before);
    // A run that changed nothing leaves no trace in the import log.
    expect(await importsFrom(`snapshot-2-${run}`)).toEqual([]);
  });

  it("updates a corrected round and logs each changed field", async () => {
    const a = syntheticRound(1, { cutoff: 450 });
    const b = syntheticRound(2);
    const added = await importRounds([a, b], { source: `add-${run}`, importedBy: "test" });
    expect(added.added).toEqual([a.number, b.number]);
    const [stored] = await drawRows([a.number]);

    const corrected = { ...a, cutoff: 455, tieBreakAt: "1985-02-01T12:30:00Z" };
    const summary = await importRounds([corrected, b], { source: `correct-${run}`, importedBy: "test" });
    const changes = { cutoff: { from: 450, to: 455 }, tieBreakAt: { from: a.tieBreakAt, to: "1985-02-01T12:30:00Z" } };
    expect(summary).toMatchObject({ added: [], updated: [{ number: a.number, changes }], unchanged: 1 });
    const [log] = await importsFrom(`correct-${run}`);
    expect(log).toMatchObject({ added: 0, updated: 1, unchanged: 1, importedBy: "test" });
    expect(log.changes).toEqual({ added: [], updated: [{ number: a.number, changes }], confirmed: [] });
    const [after] = await drawRows([a.number]);
    expect(after).toMatchObject({ cutoff: 455, tieBreakAt: new Date("1985-02-01T12:30:00Z") });
    expect(after.updatedAt.getTime()).toBeGreaterThan(stored.updatedAt.getTime());
  });

  it("writes nothing on a dry run, yet reports what it would do", async () => {
    const existing = syntheticRound(3, { cutoff: 470 });
    await importRounds([existing], { source: `dry-setup-${run}`, importedBy: "test" });
    const fresh = syntheticRound(4);
    const summary = await importRounds([{ ...existing, cutoff: 471 }, fresh], { source: `dry-${run}`, importedBy: "test", dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, added: [fresh.number], updated: [{ number: existing.number, changes: { cutoff: { from: 470, to: 471 } } }] });
    expect((await drawRows([existing.number, fresh.number])).map((d) => [d.number, d.cutoff])).toEqual([[existing.number, 470]]);
    expect(await importsFrom(`dry-${run}`)).toEqual([]);
  });

  it("is all or nothing: a round the database refuses rolls back the rounds added before it", async () => {
    const existing = syntheticRound(5);
    await importRounds([existing], { source: `atomic-setup-${run}`, importedBy: "test" });
    const fresh = syntheticRound(6);
    // New rounds are written first, then updates; this update overflows the integer column.
    const broken = { ...existing, size: 3_000_000_000 };
    await expect(importRounds([fresh, broken], { source: `atomic-${run}`, importedBy: "test" })).rejects.toThrow();
    expect((await drawRows([existing.number, fresh.number])).map((d) => [d.number, d.size])).toEqual([[existing.number, existing.size]]);
    expect(await importsFrom(`atomic-${run}`)).toEqual([]);
  });

  it("refuses a feed with an unreadable round before anything is written", () => {
    const feed = { rounds: [rawFeed.rounds[0], { ...rawFeed.rounds[1], drawCRS: "abc" }] };
    expect(() => parseRounds(feed)).toThrow(FeedFormatError);
    expect(() => parseRounds(feed)).toThrow(/round 2 \(drawNumber "417"\): drawCRS/);
  });
});

describe("the draw ledger", () => {
  beforeAll(async () => {
    await importRounds(snapshot.rounds, { source: `ledger-${run}`, importedBy: "test" });
  });

  it("lists draws filtered by kind and dates, sorted and paginated on the server", async () => {
    const expected = snapshot.rounds.filter((r) => r.kind === "cec" && r.date >= "2025-01-01" && r.date <= "2025-12-31");
    const page = await listDraws({ kind: "cec", from: "2025-01-01", to: "2025-12-31", sort: "cutoff_desc", page: 2, pageSize: 3 });
    expect(page.total).toBe(expected.length);
    expect(page.pageCount).toBe(Math.ceil(expected.length / 3));
    const cutoffs = expected.map((r) => r.cutoff).sort((x, y) => y - x);
    expect(page.draws.map((d) => d.cutoff)).toEqual(cutoffs.slice(3, 6));
    const newest = await listDraws({ kind: ["pnp", "cec"], from: "2026-01-01", pageSize: 500 });
    expect(newest.draws.map((d) => d.number)).toEqual(
      snapshot.rounds.filter((r) => (r.kind === "pnp" || r.kind === "cec") && r.date >= "2026-01-01").map((r) => r.number),
    );
  });

  it("refuses an invalid filter", async () => {
    await expect(listDraws({ from: "2025-13-01" })).rejects.toThrow(/not valid/);
    await expect(listDraws({ pageSize: 0 })).rejects.toThrow(/not valid/);
  });

  it("reads one draw with its distribution, and refuses an unknown number", async () => {
    const draw = await getDraw("418");
    expect(draw).toMatchObject({ number: "418", date: "2026-05-28", cutoff: 409, kind: "french", drawnAt: "2026-05-28T10:52:36.000Z" });
    expect(draw.distribution).toHaveLength(18);
    await expect(getDraw(`nope-${run}`)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("finds the previous draw of the same kind, across rounds held the same day", async () => {
    expect((await previousDrawOfKind({ number: "92" }))?.number).toBe("90");
    expect((await previousDrawOfKind({ number: "91b" }))?.number).toBe("75");
    expect((await previousDrawOfKind({ number: "417" }))?.number).toBe("413");
    expect(await previousDrawOfKind({ number: "1" })).toBeNull();
  });

  it("gives the newest draw overall and per kind, with the change in cut-off", async () => {
    expect((await latestDraw())?.number).toBe("418");
    expect((await latestDraw("pnp"))?.number).toBe("416");
    const perKind = await latestDrawsPerKind();
    expect(perKind[0]).toMatchObject({ draw: { number: "418" }, previousNumber: "414" });
    expect(perKind.find((k) => k.draw.kind === "cec")).toMatchObject({ draw: { number: "417", cutoff: 518 }, previousNumber: "413", previousCutoff: 514, cutoffChange: 4 });
    expect(await drawKindsPresent()).toEqual(expect.arrayContaining(["general", "cec", "pnp", "fsw", "fst", "french", "stem"]));
  });
});

// Each case spawns the command (about a second of start-up each, more on a busy machine).
describe("npm run draws:import", { timeout: 90_000 }, () => {
  const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
  const dir = mkdtempSync(path.join(tmpdir(), "draws-import-"));
  let server: Server;
  let baseUrl: string;

  function runImport(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(TSX, ["--conditions=react-server", "scripts/draws-import.ts", ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
      );
    });
  }

  /** A two-round feed in IRCC's raw shape, renumbered so it touches only this test's draws. */
  function writeFeed(name: string, tweak: (round: Record<string, unknown>, i: number) => Record<string, unknown> = (r) => r): { file: string; numbers: string[] } {
    const model = rawFeed.rounds.find((r) => r.drawNumber === "408")!;
    const rounds = [1, 2].map((i) =>
      tweak({ ...model, drawNumber: `cli-${run}-${name}-${i}`, drawDate: `1985-04-0${i}`, drawDateTime: `April ${i}, 1985 at 13:39:04 UTC`, drawCutOff: `February 14, 1985 at 20:53:54 UTC` }, i),
    );
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify({ classes: "", rounds }));
    return { file, numbers: rounds.map((r) => r.drawNumber as string) };
  }

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/ee_rounds_123_en.json") response.end(readFileSync(SNAPSHOT));
      else if (request.url === "/stalls.json") response.write("{"); // and never finishes
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("--dry-run --json only parses: prints the 419 rounds without any database", async () => {
    // An unreachable database proves none is used.
    const result = await runImport(["--dry-run", "--json", "data/ee_rounds_123_en.json"], { DATABASE_URL: "postgresql://nobody:x@127.0.0.1:1/none" });
    expect(result.code).toBe(0);
    const rounds = JSON.parse(result.stdout) as NormalisedRound[];
    expect(rounds).toHaveLength(419);
    expect(rounds[0]).toMatchObject({ number: "418", cutoff: 409 });
  });

  it("refuses a broken feed naming the round, and writes nothing", async () => {
    const { file, numbers } = writeFeed("broken", (r, i) => (i === 2 ? { ...r, drawSize: "lots" } : r));
    const result = await runImport([file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`round 2 (drawNumber "${numbers[1]}"): drawSize`);
    expect(result.stderr).toContain("Nothing was imported");
    expect(await drawRows(numbers)).toEqual([]);
  });

  it("imports into DATABASE_URL, reports a second run as unchanged, and a dry run of a correction writes nothing", async () => {
    const { file, numbers } = writeFeed("import");
    const first = await runImport([file]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toContain(`added      2: ${numbers[0]}, ${numbers[1]}`);
    expect(await drawRows(numbers)).toHaveLength(2);

    const again = await runImport([file]);
    expect(again.stdout).toMatch(/added +0\n +updated +0\n +unchanged +2\n/);

    const corrected = writeFeed("import", (r, i) => (i === 1 ? { ...r, drawCRS: "480" } : r)).file;
    const dry = await runImport([corrected, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("nothing was written");
    expect(dry.stdout).toContain(`round ${numbers[0]}: cutoff 477 → 480`);
    expect((await drawRows(numbers)).map((d) => d.cutoff)).toEqual([477, 477]);
  });

  it("fetches a URL, and names one that fails, stalls or is unreachable", async () => {
    const ok = await runImport(["--dry-run", "--json", `${baseUrl}/ee_rounds_123_en.json`]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(419);
    const missing = await runImport(["--dry-run", "--json", `${baseUrl}/missing.json`]);
    expect(missing).toMatchObject({ code: 1, stdout: "" });
    expect(missing.stderr).toContain("answered HTTP 404");
    const stalled = await runImport(["--dry-run", "--json", "--timeout", "1", `${baseUrl}/stalls.json`]);
    expect(stalled).toMatchObject({ code: 1, stdout: "" });
    expect(stalled.stderr).toContain("timed out after 1 s");
    // A port that was free a moment ago: nothing listens there (fetch refuses well-known ports outright).
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const closed = await runImport(["--dry-run", "--json", `http://127.0.0.1:${port}/ee_rounds_123_en.json`]);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toContain(`could not reach http://127.0.0.1:${port}/ee_rounds_123_en.json: connection refused`);
  });

  it("exits 2 with the usage on a bad command line", async () => {
    const result = await runImport(["--frobnicate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: npm run draws:import");
  });
});
