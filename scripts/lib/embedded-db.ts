import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { addHolder, isAlive, leasePaths, liveHolders, reaperAlive, recordReaper, removeHolder, withLeaseLock, type LeasePaths } from "./pg-lease";
import { DATA_DIR, pgLocation, ROOT, type PgLocation } from "./pg-location";

export { DATA_DIR, ROOT };
const USER = "drawdesk";
const PASSWORD = "drawdesk-local";
const DATABASE = "drawdesk";

export interface RunningDatabase {
  /** Connection string of the application database on this server. */
  url: string;
  /** Connection string of the server's maintenance database (for CREATE/DROP DATABASE). */
  adminUrl: string;
  /** Releases this process's lease; the last holder stops the embedded server. */
  stop(): Promise<void>;
  /** This process started the embedded server (at `startedAt`, ms since the epoch). */
  startedHere: boolean;
  startedAt?: number;
  /** The embedded cluster's folder (null for DATABASE_URL). */
  location: string | null;
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Postmaster {
  pid: number;
  port: number;
  ready: boolean;
}

/** postmaster.pid: line 1 the pid, line 4 the port, line 8 the status ("ready" once it accepts). */
export function postmaster(clusterDir: string): Postmaster | null {
  try {
    const lines = fs.readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n");
    const pid = Number(lines[0]);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    return { pid, port: Number(lines[3]), ready: lines[7]?.trim() === "ready" };
  } catch {
    return null;
  }
}

function isPostgres(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
  } catch {
    return isAlive(pid);
  }
}

/**
 * The server running on `clusterDir`, if any. A postmaster.pid whose process is gone, or is not
 * PostgreSQL any more (the pid was reused after a crash), is removed so the next start succeeds.
 */
async function runningServer(clusterDir: string): Promise<Postmaster | null> {
  for (let i = 0; i < 300; i++) {
    const found = postmaster(clusterDir);
    if (!found) return null;
    if (!isAlive(found.pid) || !isPostgres(found.pid)) {
      fs.rmSync(path.join(clusterDir, "postmaster.pid"), { force: true });
      return null;
    }
    if (found.ready) return found;
    await sleep(100); // recovering after a crash: wait for it
  }
  throw new Error(`PostgreSQL (${clusterDir}) runs but has not become ready in 30 s; see ${path.join(DATA_DIR, "postgres.log")}.`);
}

/** Runs a PostgreSQL program as the server account; rejects with its output when it fails. */
function runAsServer(loc: PgLocation, program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(loc.installDir, "bin", program), args, {
      uid: loc.account.uid,
      gid: loc.account.gid,
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${program} failed (exit ${code}):\n${output}`))));
  });
}

async function createCluster(loc: PgLocation): Promise<void> {
  const { uid, gid } = loc.account;
  // Folders above the cluster stay enterable (0755) for the server account; the cluster is 0700.
  fs.mkdirSync(path.dirname(loc.clusterDir), { recursive: true, mode: 0o755 });
  fs.mkdirSync(loc.clusterDir, { mode: 0o700 });
  // initdb reads the password from a file (a pipe on stdin is a socket under Node: not readable as
  // /dev/stdin); it sits beside the cluster, readable by the server account only, and goes at once.
  const passwordFile = `${loc.clusterDir}.password`;
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (uid !== undefined) {
    fs.chownSync(loc.clusterDir, uid, gid!);
    fs.chownSync(passwordFile, uid, gid!);
  }
  try {
    await runAsServer(loc, "initdb", [
      `--pgdata=${loc.clusterDir}`,
      "--auth=scram-sha-256",
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      "--encoding=UTF8",
      "--locale=C",
    ]);
  } catch (error) {
    fs.rmSync(loc.clusterDir, { recursive: true, force: true }); // a half-made cluster would block the next try
    throw error;
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

/**
 * Starts the postmaster in a session of its own (detached): a terminal's Ctrl-C goes to the
 * foreground process group only, so it stops the app or command that was interrupted, never a
 * server another terminal's process still uses. Stopping it is the lease's job.
 */
async function startServer(loc: PgLocation, dataDir: string): Promise<Postmaster> {
  const port = Number(process.env.EMBEDDED_PG_PORT) || (await freePort());
  const logFile = path.join(dataDir, "postgres.log");
  const log = fs.openSync(logFile, "w");
  const child = spawn(
    path.join(loc.installDir, "bin", "postgres"),
    ["-D", loc.clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    { detached: true, stdio: ["ignore", log, log], uid: loc.account.uid, gid: loc.account.gid, env: { ...process.env, LC_MESSAGES: "C" } },
  );
  fs.closeSync(log);
  child.unref();
  let exited = false;
  child.on("exit", () => (exited = true));
  child.on("error", () => (exited = true));
  for (let i = 0; i < 600 && !exited; i++) {
    const found = postmaster(loc.clusterDir);
    if (found && found.pid === child.pid && found.ready) return found;
    await sleep(100);
  }
  if (!exited) child.kill("SIGQUIT");
  const tail = fs.readFileSync(logFile, "utf8").trim().split("\n").slice(-8).join("\n");
  throw new Error(`PostgreSQL did not start (${exited ? "it exited" : "not ready in 60 s"}). ${logFile}:\n${tail}`);
}

/** Fast shutdown (SIGINT: open sessions are ended), escalating if it does not finish. */
export async function stopServer(clusterDir: string): Promise<void> {
  const found = postmaster(clusterDir);
  if (!found || !isAlive(found.pid)) return;
  for (const [signal, waitMs] of [["SIGINT", 30_000], ["SIGQUIT", 5_000], ["SIGKILL", 5_000]] as const) {
    try {
      process.kill(found.pid, signal);
    } catch {
      return;
    }
    for (let waited = 0; waited < waitMs && isAlive(found.pid); waited += 50) await sleep(50);
    if (!isAlive(found.pid)) return;
  }
}

function spawnReaper(paths: LeasePaths, dataDir: string, clusterDir: string): void {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "pg-reaper.ts"), dataDir, clusterDir], {
    cwd: ROOT,
    detached: true,
    stdio: "ignore",
  });
  child.unref();
  if (child.pid) recordReaper(paths, child.pid);
}

async function createDatabaseIfMissing(port: number, name: string): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: urlFor(port, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

// Leases this process holds, per data folder: one pid file however many callers share it.
const held = new Map<string, number>();

/**
 * The embedded PostgreSQL 17 of `.data` (see pg-location.ts for where its cluster lives): joined
 * when another DrawDesk process already runs it, otherwise started on a free port. Either way this
 * process holds a lease until `stop()`; the last holder stops the server.
 */
export async function startEmbeddedDatabase(options: { log?: (m: string) => void; dataDir?: string } = {}): Promise<RunningDatabase> {
  const log = options.log ?? ((m: string) => console.error(m));
  const dataDir = options.dataDir ?? DATA_DIR;
  const loc = await pgLocation(dataDir, log);
  const paths = leasePaths(dataDir);
  const startedAt = Date.now();

  const { server, startedHere } = await withLeaseLock(paths, async () => {
    let server = await runningServer(loc.clusterDir);
    const startedHere = !server;
    if (!server) {
      if (!fs.existsSync(path.join(loc.clusterDir, "PG_VERSION"))) {
        log(`Creating the local PostgreSQL database in ${loc.clusterDir} (first run)…`);
        await createCluster(loc);
      }
      server = await startServer(loc, dataDir);
    }
    if (!held.get(dataDir)) addHolder(paths);
    held.set(dataDir, (held.get(dataDir) ?? 0) + 1);
    if (!reaperAlive(paths)) spawnReaper(paths, dataDir, loc.clusterDir);
    return { server, startedHere };
  });

  let released = false;
  const stop = async () => {
    if (released) return;
    released = true;
    const left = (held.get(dataDir) ?? 1) - 1;
    held.set(dataDir, left);
    if (left > 0) return;
    await withLeaseLock(paths, async () => {
      removeHolder(paths);
      if (liveHolders(paths).length === 0) await stopServer(loc.clusterDir);
    });
  };
  try {
    await createDatabaseIfMissing(server.port, DATABASE);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: urlFor(server.port, DATABASE),
    adminUrl: urlFor(server.port, "postgres"),
    stop,
    startedHere,
    startedAt: startedHere ? startedAt : undefined,
    location: loc.clusterDir,
  };
}

/** DATABASE_URL when set, else the embedded server. */
export async function resolveDatabase(options: { log?: (m: string) => void } = {}): Promise<RunningDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new URL(url);
    admin.pathname = "/postgres";
    return { url, adminUrl: admin.toString(), stop: async () => {}, startedHere: false, location: null };
  }
  return startEmbeddedDatabase(options);
}
