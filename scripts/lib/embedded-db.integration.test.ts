// The embedded PostgreSQL's lease and first-run behaviour, on a cluster of its own in a temporary
// DRAWDESK_DATA_DIR (never the clone's .data, never the run's test server). Holders are separate
// processes, as the app, commands and test runs are.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "./embedded-db";
import { migrateIfNeeded, migrationFolders, pendingMigrations } from "./migrations";
import { isAlive } from "./pg-lease";
import { pgLocation, ROOT } from "./pg-location";

const isRoot = process.getuid?.() === 0;
let dataDir: string;
let env: NodeJS.ProcessEnv;
const children: ChildProcess[] = [];

function clusterDir(): string {
  const record = path.join(dataDir, "pg-location");
  return fs.existsSync(record) ? fs.readFileSync(record, "utf8").trim() : path.join(dataDir, "pg");
}

function postmasterPid(): number | null {
  try {
    return Number(fs.readFileSync(path.join(clusterDir(), "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return null;
  }
}

async function serverStops(withinMs: number): Promise<boolean> {
  const pid = postmasterPid();
  for (let waited = 0; waited < withinMs; waited += 100) {
    if (pid === null || !isAlive(pid)) return true;
    await sleep(100);
  }
  return false;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return (await client.query("SELECT 1 AS one")).rows[0].one === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

interface Holder {
  child: ChildProcess;
  url: string;
  released: Promise<void>;
}

/** Starts a holder process (its own process group, like a command run in another terminal). */
async function holder(): Promise<Holder> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "test-fixtures", "hold-embedded-db.ts")], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  let output = "";
  const released = new Promise<void>((resolve) => child.stdout!.on("data", (d) => (output += d) && output.includes("released") && resolve()));
  for (let waited = 0; !output.includes("\n"); waited += 50) {
    if (child.exitCode !== null || waited > 60_000) throw new Error(`holder did not start: ${output}`);
    await sleep(50);
  }
  return { child, url: (JSON.parse(output.split("\n")[0]) as { url: string }).url, released };
}

async function release(h: Holder): Promise<void> {
  h.child.stdin!.write("release\n");
  await h.released;
}

beforeAll(() => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "drawdesk-lease-")), "data");
  // Enterable by the server account when /tmp is; if not, the cluster goes to /var/lib/drawdesk
  // (recorded in pg-location) and is removed in afterAll.
  fs.chmodSync(path.dirname(dataDir), 0o755);
  env = { ...process.env, DRAWDESK_DATA_DIR: dataDir, NODE_OPTIONS: "" };
  delete env.DATABASE_URL;
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await serverStops(10_000);
  const cluster = clusterDir();
  // The reaper leaves once the server is gone; give it its tick before the folder goes.
  await sleep(1500);
  if (!cluster.startsWith(dataDir)) fs.rmSync(path.dirname(cluster), { recursive: true, force: true });
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
}, 30_000);

describe("embedded PostgreSQL", () => {
  it("lets a command create a firm on a fresh clone: the cluster is created and migrated first", () => {
    const run = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/firm-create.ts", "--name", "Fresh Firm", "--slug", "fresh-firm", "--owner", "owner@fresh.example", "--json"],
      { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 },
    );
    expect(run.stderr).toContain(`Applying ${migrationFolders().length} database migrations`);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).firm.slug).toBe("fresh-firm");
    // It was the only holder: the server is stopped when the command ends.
    expect(postmasterPid() === null || !isAlive(postmasterPid()!)).toBe(true);
  }, 150_000);

  it("skips prisma migrate deploy when every migration folder is applied, and sees pending ones", async () => {
    const db = await startEmbeddedDatabase({ dataDir, log: () => {} });
    try {
      expect(await pendingMigrations(db.url)).toEqual([]);
      const started = Date.now();
      expect(await migrateIfNeeded(db.url)).toEqual([]);
      expect(Date.now() - started).toBeLessThan(1000); // one query, not a Prisma CLI run (seconds)

      const admin = new pg.Client({ connectionString: db.adminUrl });
      await admin.connect();
      await admin.query('DROP DATABASE IF EXISTS "lease_empty"');
      await admin.query('CREATE DATABASE "lease_empty"');
      const emptyUrl = db.url.replace(/\/drawdesk$/, "/lease_empty");
      expect(await pendingMigrations(emptyUrl)).toEqual(migrationFolders());
      await admin.query('DROP DATABASE "lease_empty"');
      await admin.end();
    } finally {
      await db.stop();
    }
  }, 60_000);

  it("keeps the server for the last holder: two holders, the first releases, the second still queries", async () => {
    const first = await holder();
    const second = await holder();
    expect(second.url).toBe(first.url);
    expect(fs.readdirSync(path.join(dataDir, "pg-lease")).sort()).toEqual([String(first.child.pid), String(second.child.pid)].sort());

    await release(first);
    expect(await answers(second.url)).toBe(true);

    await release(second);
    expect(await serverStops(5000)).toBe(true);
    expect(await answers(second.url)).toBe(false);
  }, 90_000);

  it("survives Ctrl-C in another holder's terminal: the server has its own process group", async () => {
    const interrupted = await holder(); // starts the server, so the postmaster is its child
    const shared = await holder();
    process.kill(-interrupted.child.pid!, "SIGINT"); // what a terminal does: the whole foreground group
    await interrupted.released;
    expect(await answers(shared.url)).toBe(true);
    await release(shared);
    expect(await serverStops(5000)).toBe(true);
  }, 90_000);

  it("prunes a holder killed with SIGKILL, and stops the server once no holder is alive", async () => {
    const killed = await holder();
    const survivor = await holder();
    killed.child.kill("SIGKILL");
    expect(await answers(survivor.url)).toBe(true);
    await release(survivor); // the killed holder's pid file is pruned, so this was the last one
    expect(await serverStops(5000)).toBe(true);
    expect(fs.readdirSync(path.join(dataDir, "pg-lease"))).toEqual([]);

    // The last holder itself killed: nobody releases; the reaper stops the server.
    const alone = await holder();
    alone.child.kill("SIGKILL");
    expect(await serverStops(8000)).toBe(true);
  }, 90_000);

  it("puts the cluster where the server account can reach it", async () => {
    const privateParent = fs.mkdtempSync(path.join(os.tmpdir(), "drawdesk-private-"));
    fs.chmodSync(privateParent, 0o700);
    try {
      const loc = await pgLocation(path.join(privateParent, "data"), () => {});
      // As root the server runs as `postgres`, which cannot enter a 0700 folder of root's: the
      // cluster moves to /var/lib/drawdesk, recorded for later runs. Anyone else runs it themselves.
      expect(loc.moved).toBe(isRoot);
      if (isRoot) {
        expect(loc.clusterDir).toMatch(/^\/var\/lib\/drawdesk\/[^/]+-[0-9a-f]{8}\/pg$/);
        expect(fs.readFileSync(path.join(privateParent, "data", "pg-location"), "utf8").trim()).toBe(loc.clusterDir);
      } else {
        expect(loc.clusterDir).toBe(path.join(privateParent, "data", "pg"));
      }
    } finally {
      fs.rmSync(privateParent, { recursive: true, force: true });
    }
  });
});
