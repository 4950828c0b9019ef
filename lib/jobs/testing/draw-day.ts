import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/**
 * What the draw-day tests run for real: a local HTTP server serving IRCC's rounds feed (its rounds
 * changed by the test), and the worker process itself (scripts/worker.ts), as production runs it.
 */

const ROOT = path.resolve(__dirname, "../../..");
const snapshot = JSON.parse(readFileSync(path.join(ROOT, "data/ee_rounds_123_en.json"), "utf8")) as { rounds: Record<string, string>[] };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A raw feed round (IRCC's field names) of the given kind name, drawn at `at`. */
export function feedRound(number: string, at: Date, spec: { cutoff: number; name?: string; size?: number }): Record<string, string> {
  const full = `${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()}, ${at.getUTCFullYear()}`;
  const time = at.toISOString().slice(11, 19);
  return {
    ...snapshot.rounds[0],
    drawNumber: number,
    drawDate: at.toISOString().slice(0, 10),
    drawDateFull: full,
    drawName: spec.name ?? "Canadian Experience Class",
    drawText2: "Canadian Experience Class",
    drawSize: String(spec.size ?? 3000),
    drawCRS: String(spec.cutoff),
    drawDateTime: `${full} at ${time} UTC`,
    drawCutOff: "",
    drawDistributionAsOn: full,
  };
}

export interface TestFeedServer {
  url: string;
  /** The rounds served, newest first as IRCC lists them; tests push and replace. */
  rounds: Record<string, string>[];
  /** Serve this status and body instead of the feed (null: the feed). */
  broken: { status: number; body: string } | null;
  requests: number;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<TestFeedServer> {
  const state: TestFeedServer = {
    url: "",
    rounds: [],
    broken: null,
    requests: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((_request, response) => {
    state.requests++;
    if (state.broken) {
      response.writeHead(state.broken.status, { "content-type": "text/plain" }).end(state.broken.body);
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ rounds: state.rounds }));
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ee_rounds_123_en.json`;
  return state;
}

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no clean-up at all, as a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `node --conditions=react-server --import tsx scripts/worker.ts` with the given environment. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const { NODE_OPTIONS: _ignored, VITEST: _v, ...base } = process.env;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { ...base, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
