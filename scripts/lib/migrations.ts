import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ROOT } from "./pg-location";
import { runPrisma } from "./prisma-cli";

export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

/** The migration folders under prisma/migrations, in the order Prisma applies them. */
export function migrationFolders(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * Migration folders the database at `url` has not finished applying (all of them on a database
 * Prisma never touched). One query, so commands can check on every run.
 */
export async function pendingMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present");
    if (!table.rows[0].present) return migrationFolders();
    const { rows } = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return migrationFolders().filter((folder) => !applied.has(folder));
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations with `prisma migrate deploy`; skipped (it takes seconds) when the
 * database already has every folder under prisma/migrations. Returns the folders it applied.
 */
export async function migrateIfNeeded(url: string, opts: { log?: (m: string) => void } = {}): Promise<string[]> {
  const pending = await pendingMigrations(url);
  if (pending.length === 0) return [];
  opts.log?.(`Applying ${pending.length} database migration${pending.length === 1 ? "" : "s"}…`);
  await runPrisma(["migrate", "deploy"], url, { quiet: true });
  return pending;
}
