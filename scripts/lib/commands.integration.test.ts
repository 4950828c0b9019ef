/**
 * The commands as an operator runs them (a Node process each, about a second of start-up): every
 * entry point named in package.json answers through cli.ts's runCommand — --help prints the usage
 * and exits 0, a bad command line names the problem with the usage and exits 2 — and the commands
 * without a test of their own elsewhere (draws:sync, firm:create, clients:import) do their job
 * against this file's database.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";

const ROOT = path.resolve(__dirname, "..", "..");
const FEED = readFileSync(path.join(ROOT, "data", "ee_rounds_123_en.json"));
const packageScripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", file, ...args],
      { cwd: ROOT, env: { ...process.env, DRAWDESK_WORKER: "off" }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

// Every scripts/*.ts an npm script runs, but for the ones whose arguments belong to another
// program (db:generate passes them to Prisma) and the benchmark, which has its own tests.
const ENTRY_POINTS = [
  ...new Set(
    Object.entries(packageScripts)
      .filter(([name]) => !["db:generate", "bench"].includes(name))
      .map(([, command]) => /scripts\/[\w-]+\.ts/.exec(command)?.[0])
      .filter((file): file is string => file !== undefined && file !== "scripts/with-test-db.ts"),
  ),
];

describe("every entry point", { timeout: 120_000 }, () => {
  it("is found in package.json", () => {
    expect(ENTRY_POINTS).toEqual(expect.arrayContaining(["scripts/start.ts", "scripts/test.ts", "scripts/crs.ts", "scripts/draws-sync.ts", "scripts/worker.ts"]));
  });

  it("prints its usage for --help (exit 0) and refuses an unknown option with the usage (exit 2)", async () => {
    const runs: { file: string; help: Run; bad: Run }[] = [];
    // Three at a time: enough to overlap the start-ups without crowding two cores.
    for (let i = 0; i < ENTRY_POINTS.length; i += 3) {
      const batch = ENTRY_POINTS.slice(i, i + 3).map(async (file) => ({ file, help: await run(file, ["--help"]), bad: await run(file, ["--no-such-option"]) }));
      runs.push(...(await Promise.all(batch)));
    }
    for (const { file, help, bad } of runs) {
      expect({ file, code: help.code, usage: help.stdout.startsWith("Usage: ") }).toEqual({ file, code: 0, usage: true });
      expect({ file, code: bad.code, stdout: bad.stdout }).toEqual({ file, code: 2, stdout: "" });
      expect(bad.stderr).toContain("Unknown option '--no-such-option'");
      expect(bad.stderr).toContain("Usage: ");
    }
  });
});

describe("npm run draws:sync", { timeout: 120_000 }, () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url === "/ee_rounds_123_en.json") response.writeHead(200, { "content-type": "application/json" }).end(FEED);
      else response.writeHead(200, { "content-type": "application/json" }).end('{"rounds": "none"}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("imports the feed, reports a second run as unchanged, and writes nothing on a dry run", async () => {
    const url = `${base}/ee_rounds_123_en.json`;
    const first = await run("scripts/draws-sync.ts", ["--url", url, "--json"]);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as { url: string; rounds: number; added: string[] };
    expect(summary).toMatchObject({ url, rounds: 419 });
    expect(summary.added).toHaveLength(419);
    expect(await prisma().draw.count()).toBe(419);

    const again = await run("scripts/draws-sync.ts", ["--url", url, "--dry-run"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Dry run of ${url}:`);
    expect(again.stdout).toContain("0 would be added");
    expect(again.stdout).toContain("419 unchanged");
  });

  it("names a feed that is not IRCC's or cannot be reached (exit 1), before touching any database", async () => {
    const wrong = await run("scripts/draws-sync.ts", ["--url", `${base}/other.json`]);
    expect(wrong).toMatchObject({ code: 1, stdout: "" });
    expect(wrong.stderr).toMatch(/^draws:sync: not IRCC's rounds feed: /);

    const closed = await run("scripts/draws-sync.ts", ["--url", "http://127.0.0.1:1/ee_rounds_123_en.json", "--json"]);
    expect(closed).toMatchObject({ code: 1, stdout: "" });
    expect(closed.stderr).toMatch(/^draws:sync: the feed is unreachable: could not reach .*connection refused/);
  });
});

describe("npm run firm:create and clients:import", { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "drawdesk-commands-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const slug = `cli-${process.pid}`;

  it("firm:create names every refused field (exit 1) and a missing option (exit 2), then creates the firm", async () => {
    const refused = await run("scripts/firm-create.ts", ["--name", "CLI Firm", "--slug", "Not A Slug", "--owner", "not-an-email"]);
    expect(refused).toMatchObject({ code: 1, stdout: "" });
    expect(refused.stderr).toMatch(/^firm:create: slug: .+\nfirm:create: ownerEmail: .+\n$/);

    const missing = await run("scripts/firm-create.ts", ["--name", "CLI Firm"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("firm:create: missing --slug, --owner.");

    const created = await run("scripts/firm-create.ts", ["--name", "CLI Firm", "--slug", slug, "--owner", `owner@${slug}.example`, "--teams", "Main", "--json"]);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ firm: { slug }, teams: [{ name: "Main" }], owner: { email: `owner@${slug}.example` } });
  });

  it("clients:import refuses a file with an invalid row (exit 1, nothing written) and imports a clean one", async () => {
    const header = "firstName,lastName,email,team,profileSubmittedAt,crs";
    const bad = path.join(dir, "bad.csv");
    await writeFile(bad, `${header}\nAna,Lima,ana@example.com,Main,2026-01-05T10:00:00Z,480\nBo,,bo@example,Main,2026-01-05T10:00:00Z,470\n`);
    const refused = await run("scripts/clients-import.ts", ["--firm", slug, bad]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("line 3, lastName:");
    expect(refused.stdout).toContain("Nothing was imported.");
    const firm = await prisma().firm.findUniqueOrThrow({ where: { slug } });
    expect(await prisma().client.count({ where: { firmId: firm.id } })).toBe(0);

    const good = path.join(dir, "good.csv");
    await writeFile(good, `${header}\nAna,Lima,ana@example.com,Main,2026-01-05T10:00:00Z,480\n`);
    const imported = await run("scripts/clients-import.ts", ["--firm", slug, good, "--json"]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ firm: slug, total: 1, valid: 1, imported: 1 });
    expect(await prisma().client.count({ where: { firmId: firm.id, lastName: "Lima", crs: 480 } })).toBe(1);

    const unknown = await run("scripts/clients-import.ts", ["--firm", "no-such-firm", good]);
    expect(unknown).toMatchObject({ code: 1, stdout: "" });
    expect(unknown.stderr).toBe('clients:import: no firm with the slug "no-such-firm".\n');
  });
});
