import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./embedded-db";

const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

// What the production build is made from. lib/generated is left out on purpose: `npm ci` regenerates
// it every time, which would force a rebuild after every install; prisma/schema.prisma, its
// source, stands in for it.
const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = [
  "next.config.js",
  "package.json",
  "tsconfig.json",
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
  "prisma/schema.prisma",
];
const SKIPPED = new Set([path.join(ROOT, "lib", "generated")]);

function newestIn(dir: string, after: number): string | null {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (SKIPPED.has(full)) continue;
    if (entry.isDirectory()) {
      const found = newestIn(full, after);
      if (found) return found;
    } else if (fs.statSync(full).mtimeMs > after) {
      return full;
    }
  }
  return null;
}

/** Why the production build must be (re)made, or null when `.next` is up to date. */
export function staleReason(): { firstBuild: boolean; reason: string } | null {
  let builtAt: number;
  try {
    builtAt = fs.statSync(BUILD_ID).mtimeMs;
  } catch {
    return { firstBuild: true, reason: "no production build yet" };
  }
  for (const dir of SOURCE_DIRS) {
    const changed = newestIn(path.join(ROOT, dir), builtAt);
    if (changed) return { firstBuild: false, reason: `${path.relative(ROOT, changed)} changed` };
  }
  for (const file of SOURCE_FILES) {
    try {
      if (fs.statSync(path.join(ROOT, file)).mtimeMs > builtAt) return { firstBuild: false, reason: `${file} changed` };
    } catch {
      // optional file
    }
  }
  return null;
}

export function nextBuildEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
}

/**
 * Runs `next build` when the build is missing or older than its sources. With `quiet`, the
 * build's output is kept back and shown only when it fails.
 */
export async function buildIfStale(
  options: { quiet?: boolean; log?: (m: string) => void; signal?: AbortSignal } = {},
): Promise<boolean> {
  const log = options.log ?? ((m: string) => console.log(m));
  const stale = staleReason();
  if (!stale) return false;
  log(
    stale.firstBuild
      ? "Building DrawDesk (first run, about a minute)…"
      : `Rebuilding DrawDesk (${stale.reason}, about a minute)…`,
  );
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      cwd: ROOT,
      env: nextBuildEnv(),
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      signal: options.signal,
      killSignal: "SIGTERM",
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) return resolve();
      if (options.signal?.aborted) return reject(new Error("next build was stopped"));
      if (output) process.stderr.write(output);
      reject(new Error(`next build failed (${signal ?? `exit ${code}`})`));
    });
  });
  log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return true;
}

// `tsx scripts/lib/build-if-stale.ts`: the same check from the command line (used by `npm test`).
if (require.main === module) {
  buildIfStale().then(
    (built) => {
      if (!built) console.log("Production build is up to date (.next/BUILD_ID is newer than the sources).");
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
