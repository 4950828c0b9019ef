// npm run worker: the draw-day worker on its own (lib/jobs) — feed sync every DRAWS_SYNC_INTERVAL
// seconds, matching, digests, mail delivery. `npm start` runs one already unless
// DRAWDESK_WORKER=off; run this for larger deployments (any number, on one database).
// Uses DATABASE_URL, or the embedded database (joining the app's, or started for its duration).
import { parseCommandLine, runCommand, withDatabase } from "./lib/cli";
import { onShutdownSignal } from "./lib/shutdown";

const USAGE = "Usage: npm run worker";

async function main(): Promise<number> {
  parseCommandLine(process.argv.slice(2), {}, { positionals: false });
  return withDatabase(async (db) => {
    const { startWorker } = await import("@/lib/jobs/worker");
    const { syncIntervalSeconds } = await import("@/lib/jobs/queue");
    const { feedUrl } = await import("@/lib/draws/feed");
    const stopped = new Promise<NodeJS.Signals>((resolve) => onShutdownSignal(resolve));
    const worker = await startWorker(db.url);
    console.log(`DrawDesk worker: syncing ${feedUrl()} every ${syncIntervalSeconds()} s`);
    const signal = await stopped;
    console.log(`DrawDesk worker: ${signal}, stopping…`);
    await worker.stop();
    const { prisma } = await import("@/lib/db/prisma");
    await prisma().$disconnect();
    return 0;
  });
}

runCommand("worker", USAGE, main);
