import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./embedded-db";

export interface SeedResult {
  seeded: boolean;
  signIn: { email: string; password: string } | null;
}

/**
 * Runs scripts/lib/seed.ts against `databaseUrl` in its own Node process with the react-server
 * condition (lib/db's `import "server-only"` is inert there) and returns its JSON result.
 */
export function runDemoSeed(databaseUrl: string): Promise<SeedResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", "lib", "seed.ts")],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code !== 0) return reject(new Error(`Seeding the demo firm failed (${signal ?? `exit ${code}`})`));
      const last = stdout.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(last) as SeedResult);
      } catch {
        reject(new Error(`scripts/lib/seed.ts printed no JSON result:\n${stdout}`));
      }
    });
  });
}
