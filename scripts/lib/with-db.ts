import { resolveDatabase, type RunningDatabase } from "./embedded-db";
import { migrateIfNeeded } from "./migrations";

/**
 * Runs a command-line tool's body against DATABASE_URL or the embedded server (joining the app's
 * server, or starting one for the command's duration), with the schema brought up to date first:
 * a fresh clone's first command may come before any `npm start`. The migration check is one query;
 * `prisma migrate deploy` runs only when a migration is pending. Commands that manage migrations
 * themselves pass `{ migrate: false }`.
 */
export async function withDatabase<T>(body: (db: RunningDatabase) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  try {
    if (options.migrate !== false) await migrateIfNeeded(db.url, { log: (m) => console.error(m) });
    return await body(db);
  } finally {
    await db.stop();
  }
}
