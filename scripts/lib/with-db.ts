import { resolveDatabase, type RunningDatabase } from "./embedded-db";

/**
 * Runs a command-line tool's body against DATABASE_URL or the embedded server, starting the
 * embedded server for the command's duration when the app is not already running it.
 */
export async function withDatabase<T>(body: (db: RunningDatabase) => Promise<T>): Promise<T> {
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  try {
    return await body(db);
  } finally {
    await db.stop();
  }
}
