// `node --import tsx scripts/lib/pg-reaper.ts DATA_DIR CLUSTER_DIR`, started detached by
// embedded-db.ts with the server: once a second, under the lease lock, it stops the embedded
// PostgreSQL when no holder is alive any more (the last one was killed with kill -9, or lost power
// to its terminal), and exits when the server is gone. Holders that exit normally stop the server
// themselves; this only covers the crashed ones, so a server is never left running forever.
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { postmaster, stopServer } from "./embedded-db";
import { isAlive, leasePaths, liveHolders, withLeaseLock } from "./pg-lease";

const [dataDir, clusterDir] = process.argv.slice(2);
const paths = leasePaths(dataDir);

function serverRunning(): boolean {
  const found = postmaster(clusterDir);
  return found !== null && isAlive(found.pid);
}

/** True while there is a server to watch; the reaper's record is removed under the lock before it leaves. */
async function watch(): Promise<boolean> {
  return withLeaseLock(paths, async () => {
    if (serverRunning() && liveHolders(paths).length === 0) await stopServer(clusterDir);
    if (serverRunning()) return true;
    fs.rmSync(paths.reaper, { force: true });
    return false;
  });
}

async function main(): Promise<void> {
  while (fs.existsSync(dataDir) && (await watch())) await sleep(1000);
}

main().then(
  () => process.exit(0),
  () => process.exit(1),
);
