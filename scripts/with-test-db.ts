// `node --import tsx scripts/with-test-db.ts [--e2e] CMD ARGS...`: runs CMD against a fresh, migrated
// database that is dropped afterwards (also on failure and Ctrl-C), and exits with CMD's code.
//
// --e2e also prepares what Playwright needs before it starts: the browser (scripts/lib/browser.ts,
// handed over in E2E_BROWSER; no browser fails the run), an up-to-date production build, the demo
// firm in the test database, a free port (E2E_PORT), and the react-server condition and tsx for
// Playwright's own Node (NODE_OPTIONS), so specs can seed their own firms through lib/db.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { BROWSER_ENV, prepareBrowser, type PreparedBrowser } from "./lib/browser";
import { buildIfStale } from "./lib/build-if-stale";
import { CliError, printError, runCommand, UsageError } from "./lib/cli";
import { ROOT } from "./lib/embedded-db";
import { runDemoSeed } from "./lib/run-seed";
import { onShutdownSignal } from "./lib/shutdown";
import { createTestDatabase, type TestDatabase } from "./lib/test-database";

const COMMAND = "with-test-db";
const USAGE = "Usage: node --import tsx scripts/with-test-db.ts [--e2e] CMD [ARGS...]";
const args = process.argv.slice(2);
const e2e = args[0] === "--e2e";
if (e2e) args.shift();

let database: TestDatabase | null = null;
let child: ChildProcess | null = null;
let finishing = false;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function dropDatabase(): Promise<void> {
  finishing = true;
  if (!database) return;
  try {
    await database.dispose();
  } catch (error) {
    printError(COMMAND, `could not drop ${database.name}: ${(error as Error).message}\n(a later run drops abandoned test databases)`);
  }
  database = null;
}

/** For a signal that arrives while no CMD runs: drop the database and exit at once. */
async function finish(code: number): Promise<never> {
  await dropDatabase();
  process.exit(code);
}

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? os.constants.signals[signal] : 1);
}

/** Prepares the database (and for --e2e the rest), runs CMD and resolves with its exit code. */
async function runAgainstTestDatabase(): Promise<number> {
  if (args.length === 0) throw new UsageError("name the command to run.");
  onShutdownSignal((signal) => {
    // Ctrl-C reaches CMD directly (same process group); SIGTERM sent to this process is passed on.
    if (child && child.exitCode === null && child.signalCode === null) {
      if (signal !== "SIGINT") child.kill(signal);
      return; // CMD's exit handler cleans up
    }
    if (!finishing) void finish(128 + os.constants.signals[signal]);
  });

  let browser: PreparedBrowser | null = null;
  if (e2e) {
    // First, so a missing browser fails the run before the build and the database are made.
    browser = await prepareBrowser();
    console.log(`e2e browser: ${browser.description}`);
    await buildIfStale();
  }
  database = await createTestDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    TEST_RUN_ID: database.name,
    PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
  };
  if (e2e) {
    await runDemoSeed(database.url);
    env.E2E_PORT = String(await freePort());
    env[BROWSER_ENV] = JSON.stringify(browser);
    // tsx as well: Playwright's own TypeScript transform turns lib/generated/prisma/client.ts (an ES
    // module using import.meta) into CommonJS that Node then refuses ("exports is not defined in
    // ES module scope"); tsx's loader handles it, as it does for the scripts.
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server --import tsx`.trim();
  }
  // A signal during the preparation: finish() is dropping the database and exits.
  if (finishing) return new Promise<never>(() => {});

  const running = spawn(args[0], args.slice(1), { cwd: ROOT, stdio: "inherit", env });
  child = running;
  return new Promise<number>((resolve) => {
    running.on("error", (error) => {
      printError(COMMAND, `could not run ${args[0]}: ${error.message}`);
      resolve(127);
    });
    running.on("exit", (code, signal) => resolve(exitCodeOf(code, signal)));
  });
}

// The database is dropped however the run ends; a failure to prepare is reported in one line.
runCommand(COMMAND, USAGE, () =>
  runAgainstTestDatabase().then(
    async (code) => {
      await dropDatabase();
      return code;
    },
    async (error: unknown) => {
      await dropDatabase();
      throw error instanceof UsageError || !(error instanceof Error) ? error : new CliError(error.message);
    },
  ),
);
