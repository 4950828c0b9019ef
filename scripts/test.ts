// `npm test [-- --only step,step]`: every check CI runs, in order, stopping at the first failure.
// The last line is always `N passed, M failed` (steps), which CI reads.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { EXIT_FAILED, EXIT_OK, parseCommandLine, runCommand, UsageError } from "./lib/cli";

const ROOT = path.resolve(__dirname, "..");
const TSX = ["node", "--import", "tsx"];

const STEPS: { name: string; command: string[] }[] = [
  { name: "typecheck", command: ["tsc", "--noEmit"] },
  { name: "lint", command: ["eslint", "--max-warnings=0", "."] },
  { name: "unit", command: ["vitest", "run", "--config", "vitest.config.ts"] },
  {
    name: "integration",
    command: [...TSX, "scripts/with-test-db.ts", "vitest", "run", "--config", "vitest.integration.config.ts"],
  },
  { name: "build", command: [...TSX, "scripts/lib/build-if-stale.ts"] },
  { name: "e2e", command: [...TSX, "scripts/with-test-db.ts", "--e2e", "playwright", "test"] },
];

const USAGE = `Usage: npm test [-- --only ${STEPS.map((s) => s.name).join(",")}]`;

function selectedSteps(list: string | undefined): typeof STEPS {
  if (list === undefined) return STEPS;
  const names = list.split(",").map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError("--only needs a list of steps");
  const unknown = names.filter((n) => !STEPS.some((s) => s.name === n));
  if (unknown.length) throw new UsageError(`unknown step ${unknown.join(", ")}`);
  return STEPS.filter((s) => names.includes(s.name));
}

let current: ChildProcess | null = null;

function run(command: string[]): Promise<number> {
  return new Promise((resolve) => {
    current = spawn(command[0], command.slice(1), {
      cwd: ROOT,
      stdio: "inherit",
      env: {
        ...process.env,
        PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
        NEXT_TELEMETRY_DISABLED: "1",
        CHECKPOINT_DISABLE: "1",
      },
    });
    current.on("error", (error) => {
      console.error(`could not run ${command[0]}: ${error.message}`);
      resolve(127);
    });
    current.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), { only: { type: "string" } }, { positionals: false });
  const steps = selectedSteps(values.only as string | undefined);
  // Ctrl-C reaches the running step directly; SIGTERM is passed on. Either way the step's exit
  // ends the run.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => current?.kill("SIGTERM"));

  const results: { name: string; status: "passed" | "failed" | "not run"; seconds: number }[] = [];
  let failed = false;
  for (const step of steps) {
    if (failed) {
      results.push({ name: step.name, status: "not run", seconds: 0 });
      continue;
    }
    console.log(`\n━━ ${step.name}: ${step.command.join(" ")}\n`);
    const started = Date.now();
    const code = await run(step.command);
    const seconds = (Date.now() - started) / 1000;
    results.push({ name: step.name, status: code === 0 ? "passed" : "failed", seconds });
    if (code !== 0) failed = true;
  }

  console.log("\n━━ summary\n");
  for (const r of results) {
    const mark = r.status === "passed" ? "✓" : r.status === "failed" ? "✗" : "-";
    console.log(`  ${mark} ${r.name.padEnd(12)} ${r.status.padEnd(8)} ${r.status === "not run" ? "" : `${r.seconds.toFixed(1)} s`}`);
  }
  const passed = results.filter((r) => r.status === "passed").length;
  const failures = results.filter((r) => r.status === "failed").length;
  console.log(`\n${passed} passed, ${failures} failed`);
  return failures ? EXIT_FAILED : EXIT_OK;
}

runCommand("npm test", USAGE, main);
