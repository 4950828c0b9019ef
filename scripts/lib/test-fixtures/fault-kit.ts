// Helpers of scripts/lib/faults.integration.test.ts: DrawDesk processes started as a user starts them
// (their own process group, on the embedded PostgreSQL of a temporary DRAWDESK_DATA_DIR), killed
// with SIGKILL, and ways to see from the database where a process stands before it is killed.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { postmaster } from "../embedded-db";
import { isAlive } from "../pg-lease";
import { ROOT } from "../pg-location";

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first line matching `pattern` on stdout or stderr. */
  line(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** kill -9 of the whole process group (tsx, Node and whatever they started): no clean-up at all. */
  kill9(): Promise<void>;
  /** SIGTERM, as a terminal's stop; SIGKILL after 15 s. */
  stop(): Promise<void>;
  exited: Promise<void>;
}

/** `node --conditions=react-server --import tsx SCRIPT ARGS`, as the npm scripts run it, in its own process group. */
export function startProcess(script: string, args: string[], env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const waiting = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk;
    for (const check of waiting) check();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    exited,
    output: () => output,
    line(pattern, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`no line matching ${pattern} in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
        const check = () => {
          const found = output.split("\n").find((l) => pattern.test(l));
          if (found) done(null, found);
          else if (!running()) done(new Error(`${script} exited (${child.exitCode ?? child.signalCode}) before ${pattern}:\n${output}`));
        };
        const done = (error: Error | null, value?: string) => {
          clearTimeout(timer);
          waiting.delete(check);
          if (error) reject(error);
          else resolve(value!);
        };
        waiting.add(check);
        void exited.then(check);
        check();
      });
    },
    async kill9() {
      if (running()) process.kill(-child.pid!, "SIGKILL");
      await exited;
    },
    async stop() {
      if (running()) process.kill(-child.pid!, "SIGTERM");
      await Promise.race([exited, sleep(15_000)]);
      if (running()) process.kill(-child.pid!, "SIGKILL");
      await exited;
    },
  };
}

/** Polls `check` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(100);
  }
}

/** The cluster folder of a data dir (moved to /var/lib/drawdesk when out of the server account's reach). */
export function clusterDirOf(dataDir: string): string {
  const record = path.join(dataDir, "pg-location");
  return fs.existsSync(record) ? fs.readFileSync(record, "utf8").trim() : path.join(dataDir, "pg");
}

export function serverRunning(dataDir: string): boolean {
  const found = postmaster(clusterDirOf(dataDir));
  return found !== null && isAlive(found.pid);
}

export interface Blocker {
  /** Waits until another session is blocked on the held lock while writing in a transaction of its own; returns its pid. */
  blocked(timeoutMs?: number): Promise<number>;
  /** Rolls the locking transaction back (the blocked session goes on) and disconnects. */
  release(): Promise<void>;
}

/**
 * Holds a SHARE lock on `table` in an open transaction: a process that inserts into it waits, at
 * a point the test chooses, inside its own transaction — so a kill lands mid-way for certain.
 */
export async function blockInserts(url: string, table: string): Promise<Blocker> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined); // the server may go while it is held; release() copes
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "${table}" IN SHARE MODE`);
  const mine = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
  // Another session looks: pg_stat_activity is read once per transaction, so the locking one would see a frozen picture.
  const watcher = new pg.Client({ connectionString: url });
  watcher.on("error", () => undefined);
  await watcher.connect();
  return {
    blocked: (timeoutMs = 90_000) =>
      until(
        async () => {
          // backend_xid: the waiting transaction has written already (rows of its own, uncommitted).
          const { rows } = await watcher.query<{ pid: number }>(
            `SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
             WHERE l.relation = $1::regclass AND a.pid <> $2 AND a.backend_xid IS NOT NULL`,
            [`"${table}"`, mine],
          );
          return rows[0]?.pid;
        },
        timeoutMs,
        `a transaction waiting to insert into ${table}`,
      ),
    async release() {
      await client.query("ROLLBACK").catch(() => undefined);
      await client.end().catch(() => undefined);
      await watcher.end().catch(() => undefined);
    },
  };
}
