import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { NEXT_BIN } from "../lib/build-if-stale";
import { ROOT } from "../lib/pg-location";

/**
 * `next start` (the production build) against the bench database, for the HTTP benchmarks, and
 * what they need around it: signing users in through the credentials flow (cookies as a browser
 * keeps them) and the server's resident memory.
 */

export interface NextServer {
  url: string;
  pid: number;
  /** The resident memory of `next start`'s process tree (Next runs its server in a child), MB. */
  rssMb(): number;
  /**
   * With `heapProbe`: every process of the tree collects its garbage, then reports its V8 heap in
   * use and its RSS (MB, summed over the tree) — what the server really holds, not what it has
   * not yet collected.
   */
  memoryAfterGc(): Promise<{ heapUsedMb: number; externalMb: number; rssMb: number }>;
  stop(): Promise<void>;
}

const HEAP_PROBE = pathToFileURL(path.join(__dirname, "heap-probe.mjs")).href;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function treePids(pid: number): number[] {
  const pids: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    pids.push(p);
    stack.push(...children(p));
  }
  return pids;
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** VmRSS of a process and its descendants, in MB (Linux /proc). */
export function treeRssMb(pid: number): number {
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (match) kb += Number(match[1]);
    } catch {
      continue;
    }
    stack.push(...children(p));
  }
  return kb / 1024;
}

export async function startNext(databaseUrl: string, log: (m: string) => void, options: { heapProbe?: boolean } = {}): Promise<NextServer> {
  const probeDir = options.heapProbe ? mkdtempSync(path.join(os.tmpdir(), "drawdesk-heap-")) : null;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_OPTIONS: probeDir ? `--expose-gc --import "${HEAP_PROBE}"` : "",
      ...(probeDir ? { BENCH_HEAP_DIR: probeDir } : {}),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || "drawdesk-bench-secret-not-for-production-0123456789",
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORT: String(port),
      // As npm start runs it (scripts/start.ts).
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX || "2",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}) before answering`);
    try {
      const response = await fetch(`${url}/api/auth/csrf`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error("next start did not answer within 60 s");
    }
    await sleep(300);
  }
  log(`next start listening on ${url} (pid ${child.pid})`);
  return {
    url,
    pid: child.pid!,
    rssMb: () => treeRssMb(child.pid!),
    memoryAfterGc: async () => {
      if (!probeDir) throw new Error("next start was started without the heap probe");
      const probed = treePids(child.pid!).filter((pid) => existsSync(path.join(probeDir, `heap-${pid}.ready`)));
      if (probed.length === 0) throw new Error("no process of next start loaded the heap probe");
      const files = probed.map((pid) => path.join(probeDir, `heap-${pid}.json`));
      for (const file of files) rmSync(file, { force: true });
      for (const pid of probed) process.kill(pid, "SIGUSR2");
      const deadline = Date.now() + 30_000;
      while (!files.every((file) => existsSync(file))) {
        if (Date.now() > deadline) throw new Error("the heap probe did not answer within 30 s");
        await sleep(100);
      }
      const reports = files.map((file) => JSON.parse(readFileSync(file, "utf8")) as { heapUsed: number; external: number; rss: number });
      const mb = (key: "heapUsed" | "external" | "rss") => reports.reduce((sum, r) => sum + r[key], 0) / 1024 ** 2;
      return { heapUsedMb: mb("heapUsed"), externalMb: mb("external"), rssMb: mb("rss") };
    },
    stop: async () => {
      if (probeDir) rmSync(probeDir, { recursive: true, force: true });
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(10_000).then(() => child.kill("SIGKILL"))]);
    },
  };
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs a user in through next-auth's credentials flow; returns the Cookie header a browser would send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiesOf(response).filter((c) => c.includes("session-token"));
  if (session.length === 0) throw new Error(`signing in ${email} failed (HTTP ${response.status}): no session cookie`);
  return [...jar, ...session].join("; ");
}
