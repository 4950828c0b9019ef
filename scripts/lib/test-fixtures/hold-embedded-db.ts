// A lease holder for embedded-db.integration.test.ts: joins (or starts) the embedded server of
// DRAWDESK_DATA_DIR, prints `{"url": …}`, and releases its lease on a "release" line on stdin or
// on SIGINT/SIGTERM (as `npm start` does), printing "released" before it exits.
import { startEmbeddedDatabase } from "../embedded-db";
import { onShutdownSignal } from "../shutdown";

async function main(): Promise<void> {
  const db = await startEmbeddedDatabase({ log: () => {} });
  const release = async () => {
    await db.stop();
    process.stdout.write("released\n");
    process.exit(0);
  };
  onShutdownSignal(() => void release());
  process.stdout.write(`${JSON.stringify({ url: db.url, startedHere: db.startedHere })}\n`);
  process.stdin.on("data", (chunk) => {
    if (String(chunk).includes("release")) void release();
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
