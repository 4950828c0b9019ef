// `npm start` (production build) and `npm run dev` (`next dev`): one command from a fresh clone to
// a running DrawDesk — database, migrations, demo firm, build, server, banner.
//
// package.json runs this with `exec node --import tsx …`: without `exec`, the `sh -c` npm starts
// dies on SIGTERM without passing it on, and this process (with PostgreSQL and Next) is orphaned.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { buildIfStale, NEXT_BIN } from "./lib/build-if-stale";
import { parseCommandLine, runCommand } from "./lib/cli";
import { resolveDatabase, ROOT, type RunningDatabase } from "./lib/embedded-db";
import { migrateIfNeeded } from "./lib/migrations";
import { runDemoSeed, type SeedResult } from "./lib/run-seed";
import { resolveNextAuthSecret } from "./lib/secret";
import { onShutdownSignal } from "./lib/shutdown";

const USAGE = "Usage: npm start   (production build)\n       npm run dev   (next dev)";
let dev = false; // --dev: `next dev` instead of the production build
const port = Number(process.env.PORT || 3000);
// Loopback by default: the demo firm's password is printed below, so the app is not offered to the
// network unless asked for (HOST=0.0.0.0 npm start, e.g. inside a container).
const host = process.env.HOST || "127.0.0.1";
const startedAt = Date.now();

// The server's parent is watched from inside it: if this supervisor dies without cleaning up
// (kill -9), Next stops within a second instead of holding the port.
const EXIT_WITH_PARENT =
  "data:text/javascript,const p=process.ppid;setInterval(()=>{if(process.ppid!==p)process.kill(process.pid,'SIGTERM')},1000).unref();";

let db: RunningDatabase | null = null;
let next: ChildProcess | null = null;
let worker: ChildProcess | null = null;
let stopping = false;
const stopBuild = new AbortController();
// Every way out goes through shutdown(), which settles this with the exit code for runCommand.
let stopped: (code: number) => void = () => {};
const finished = new Promise<number>((resolve) => (stopped = resolve));

function fail(message: string): never {
  console.error(`\n${message}`);
  void shutdown(1);
  // shutdown() exits the process; this keeps the caller's control flow honest.
  throw new Error(message);
}

function portIsFree(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

async function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  if ((await Promise.race([exited, sleep(10_000, "timeout")])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}

/**
 * The draw-day worker (scripts/worker.ts) beside the server, with the same environment; it joins
 * the database this process holds. Its exit does not stop the app: the web app works without it
 * (mail waits in the outbox, rounds are matched when a worker next runs).
 */
function startWorker(env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ["--import", EXIT_WITH_PARENT, "--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env,
  });
  child.on("exit", (code, signal) => {
    if (!stopping) console.error(`\nThe draw-day worker stopped (${signal ?? `exit code ${code}`}); the app goes on without it.`);
  });
  return child;
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  stopBuild.abort();
  try {
    await Promise.all([stopChild(next), stopChild(worker)]);
    if (db) await db.stop();
  } catch (error) {
    console.error(`While stopping: ${(error as Error).message}`);
    code ||= 1;
  }
  stopped(code);
}

async function prepareDatabase(): Promise<{ db: RunningDatabase; seed: SeedResult }> {
  db = await resolveDatabase();
  await migrateIfNeeded(db.url, { log: (m) => console.log(m) });
  const seed = await runDemoSeed(db.url);
  return { db, seed };
}

async function waitUntilAnswering(child: ChildProcess, timeoutMs: number): Promise<void> {
  const probeHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const url = `http://${probeHost.includes(":") ? `[${probeHost}]` : probeHost}:${port}/api/health`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error("the server exited while starting");
    try {
      // Any answer below 500 means Next is serving (404 until the health route exists); a 503 from
      // the health route means the database is not reachable yet.
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
}

function banner(url: string, seed: SeedResult): void {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const lines = [
    "",
    `  DrawDesk is running at ${url}${dev ? " (development mode)" : ""}   (ready in ${seconds} s)`,
    "",
    seed.signIn
      ? `  Demo sign-in:  ${seed.signIn.email}  /  ${seed.signIn.password}${seed.seeded ? "   (demo firm created just now)" : ""}`
      : "  No demo sign-in: the database already had firms, or the demo seed is not available yet.",
    "",
    ...(db?.location ? [`  Data: ${db.location} (embedded PostgreSQL; see README, "Where the data lives")`, ""] : []),
    "  Ctrl-C to stop",
    "",
  ];
  console.log(lines.join("\n"));
}

async function start(): Promise<void> {
  onShutdownSignal((signal) => {
    if (!stopping) console.log(`\n${signal === "SIGINT" ? "Ctrl-C" : signal}: stopping DrawDesk…`);
    void shutdown(0);
  });
  // If npm (or whatever started this) is killed outright, nobody can send Ctrl-C any more: clean up.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent && !stopping) {
      console.error("\nThe process that started DrawDesk has gone away: stopping DrawDesk…");
      void shutdown(0);
    }
  }, 1000).unref();

  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`PORT=${process.env.PORT} is not a port number.`);
  if (!(await portIsFree())) {
    fail(
      `Port ${port} is already in use on ${host} (is DrawDesk already running?).\n` +
        `Stop whatever uses it, or pick another port:  PORT=${port + 1} npm ${dev ? "run dev" : "start"}`,
    );
  }

  let secret: string;
  try {
    secret = resolveNextAuthSecret({ production: !dev, embedded: !process.env.DATABASE_URL });
  } catch (error) {
    fail((error as Error).message);
  }

  // The build needs no database, so both are prepared side by side.
  const building = dev ? Promise.resolve(false) : buildIfStale({ quiet: true, signal: stopBuild.signal });
  building.catch(() => {}); // awaited below, after the database
  let seed: SeedResult;
  let databaseUrl: string;
  try {
    ({ seed, db: { url: databaseUrl } } = await prepareDatabase());
  } catch (error) {
    if (stopping) return;
    fail(`Could not prepare the database: ${(error as Error).message}`);
  }
  try {
    await building;
  } catch (error) {
    if (stopping) return;
    fail((error as Error).message);
  }
  if (stopping) return;

  const appUrl = `http://localhost:${port}`;
  const mode = dev ? "dev" : "start";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: dev ? "development" : "production",
    PORT: String(port),
    // glibc gives each thread that allocates its own malloc arena (up to 8 per core) and rarely
    // returns their memory: under load (exports, compression on the thread pool) the server's
    // RSS kept 50-80 MB more after the load than before it while V8's live heap stayed flat.
    // Two arenas kept it to about 20 MB (npm run bench:load, bench/README.md). Set it to override.
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX || "2",
  };
  const child = spawn(process.execPath, ["--import", EXIT_WITH_PARENT, NEXT_BIN, mode, "-p", String(port), "-H", host], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env,
  });
  next = child;
  if (process.env.DRAWDESK_WORKER?.trim().toLowerCase() !== "off") worker = startWorker(env);

  // Next's own start-up lines (its "Local:" URL shows the bind address) are held back until the
  // banner is printed, and shown only if the server does not come up; later output passes through.
  let heldBack = "";
  let ready = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    if (ready) process.stdout.write(chunk);
    else heldBack += chunk;
  });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    if (!ready && heldBack) process.stdout.write(heldBack);
    console.error(`\nThe DrawDesk server stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
    void shutdown(code || 1);
  });

  try {
    await waitUntilAnswering(child, dev ? 180_000 : 60_000);
  } catch (error) {
    if (stopping) return;
    if (heldBack) process.stdout.write(heldBack);
    fail(`DrawDesk did not start: ${(error as Error).message}.`);
  }
  ready = true;
  banner(appUrl, seed);
}

// start() returns once the banner is up; the command lasts until shutdown() has stopped the
// server, the worker and PostgreSQL.
runCommand("start", USAGE, async () => {
  const { values } = parseCommandLine(process.argv.slice(2), { dev: { type: "boolean", default: false } }, { positionals: false });
  dev = Boolean(values.dev);
  start().catch((error: Error) => {
    if (stopping) return;
    console.error(error.stack ?? error.message);
    void shutdown(1);
  });
  return finished;
});
