import pg from "pg";
import { resolveDatabase } from "../lib/embedded-db";
import { migrateIfNeeded } from "../lib/migrations";
import { assertLocalServer } from "../lib/test-database";

/**
 * The benchmark's own database, `drawdesk_bench`, on DATABASE_URL's server or the embedded
 * PostgreSQL: kept between runs, because seeding a million clients takes minutes and the firms
 * in it (one per size) are reused. `--reseed` drops it first. Migrations are applied when pending,
 * as for every command.
 */

export const BENCH_DATABASE = "drawdesk_bench";

export interface BenchDatabase {
  url: string;
  /** Releases the embedded server (the last holder stops it); the database stays. */
  release(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function openBenchDatabase(options: { reseed: boolean; log: (m: string) => void }): Promise<BenchDatabase> {
  const server = await resolveDatabase({ log: options.log });
  try {
    assertLocalServer(server.adminUrl);
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      if (options.reseed) {
        options.log(`--reseed: dropping ${BENCH_DATABASE}…`);
        await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DATABASE}" WITH (FORCE)`);
      }
      const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [BENCH_DATABASE]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${BENCH_DATABASE}"`);
    } finally {
      await admin.end();
    }
    const url = withDatabaseName(server.adminUrl, BENCH_DATABASE);
    await migrateIfNeeded(url, { log: options.log });
    return { url, release: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
