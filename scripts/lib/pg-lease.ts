// The lease on the embedded PostgreSQL server: every process using it (the app, a command, a test
// run) holds a pid file in `.data/pg-lease/`, and the last live holder stops the server. Holders
// that died without releasing (kill -9, power loss) are pruned by whoever looks next, and a small
// detached reaper (pg-reaper.ts) stops the server once no holder is alive, so a crash never leaves
// it running forever. Starting, joining, releasing and stopping happen under one lock file, so a
// process never joins a server that another is stopping.
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface LeasePaths {
  dir: string;
  lock: string;
  reaper: string;
}

export function leasePaths(dataDir: string): LeasePaths {
  const dir = path.join(dataDir, "pg-lease");
  return { dir, lock: path.join(dataDir, "pg-lease.lock"), reaper: path.join(dataDir, "pg-reaper.pid") };
}

/** Field 22 of /proc/PID/stat (start time in clock ticks): tells a live holder from a reused pid. */
export function startTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** Alive and not a zombie (a stopped server stays a zombie until its parent, maybe us, reaps it). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return process.platform !== "linux";
  }
}

/** A pid file written as "pid start-time": alive only if that very process still runs. */
function recordedAlive(file: string): boolean {
  try {
    const [pid, started] = fs.readFileSync(file, "utf8").trim().split(" ");
    return isAlive(Number(pid)) && (!started || started === startTime(Number(pid)));
  } catch {
    return false;
  }
}

function writeRecord(file: string, pid = process.pid): void {
  fs.writeFileSync(file, `${pid} ${startTime(pid) ?? ""}`.trim(), { flag: "wx" });
}

/**
 * Runs `body` holding `.data/pg-lease.lock` (created exclusively). A lock left by a dead process
 * is removed; the lock is only ever held for a server start or stop, so waiting is short.
 */
export async function withLeaseLock<T>(paths: LeasePaths, body: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      writeRecord(paths.lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (!recordedAlive(paths.lock)) {
        // Written but not yet filled in by a live process looks the same as dead: only break a
        // lock that stays dead for a moment.
        await sleep(50);
        if (!recordedAlive(paths.lock)) fs.rmSync(paths.lock, { force: true });
        continue;
      }
      if (attempt > 1200) throw new Error(`Waited 2 minutes for ${paths.lock} (held by pid ${fs.readFileSync(paths.lock, "utf8")}).`);
      await sleep(100);
    }
  }
  try {
    return await body();
  } finally {
    fs.rmSync(paths.lock, { force: true });
  }
}

/** Pids of the live holders; files of dead ones are removed. Call under the lock. */
export function liveHolders(paths: LeasePaths): number[] {
  fs.mkdirSync(paths.dir, { recursive: true });
  const alive: number[] = [];
  for (const name of fs.readdirSync(paths.dir)) {
    const file = path.join(paths.dir, name);
    if (recordedAlive(file)) alive.push(Number(name));
    else fs.rmSync(file, { force: true });
  }
  return alive;
}

export function addHolder(paths: LeasePaths, pid = process.pid): void {
  fs.mkdirSync(paths.dir, { recursive: true });
  const file = path.join(paths.dir, String(pid));
  fs.rmSync(file, { force: true });
  writeRecord(file, pid);
}

export function removeHolder(paths: LeasePaths, pid = process.pid): void {
  fs.rmSync(path.join(paths.dir, String(pid)), { force: true });
}

export function reaperAlive(paths: LeasePaths): boolean {
  return recordedAlive(paths.reaper);
}

export function recordReaper(paths: LeasePaths, pid: number): void {
  fs.rmSync(paths.reaper, { force: true });
  writeRecord(paths.reaper, pid);
}
