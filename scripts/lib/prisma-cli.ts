import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const PLACEHOLDER_URL = "postgresql://placeholder:placeholder@127.0.0.1:1/placeholder";

/**
 * Runs the Prisma CLI offline: telemetry off, a DATABASE_URL always present (without one even
 * `generate` tries to download a native engine) and long timers unref'd so it exits promptly.
 */
export function runPrisma(args: string[], databaseUrl?: string, opts: { quiet?: boolean } = {}): Promise<void> {
  const bin = path.join(ROOT, "node_modules", "prisma", "build", "index.js");
  const preload = path.join(ROOT, "scripts", "lib", "unref-prisma-timers.cjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", preload, bin, ...args], {
      cwd: ROOT,
      stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl ?? process.env.DATABASE_URL ?? PLACEHOLDER_URL,
        CHECKPOINT_DISABLE: "1",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} failed (exit ${code})${output ? `:\n${output}` : ""}`)),
    );
  });
}
