import pg from "pg";
import { afterAll } from "vitest";

/**
 * Each integration test file gets its own database, copied from the run's freshly migrated one
 * (CREATE DATABASE … TEMPLATE, a file copy: well under a second). Draws are shared reference
 * data, so without this a file that adds draws changes what "the previous draw of a kind" is
 * for a file running beside it.
 */
const runUrl = new URL(process.env.DATABASE_URL ?? "");
if (!runUrl.pathname.slice(1)) throw new Error("Run integration tests with `npm run test:integration` (it prepares a test database).");
const template = decodeURIComponent(runUrl.pathname.slice(1));
const fileDatabase = `${template}_f${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const adminUrl = new URL(runUrl);
adminUrl.pathname = "/postgres";

async function admin<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

// Two workers may copy the template at the same moment; PostgreSQL refuses the second while the
// first holds it ("source database is being accessed by other users", 55006): wait and retry.
await admin(async (client) => {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.query(`CREATE DATABASE "${fileDatabase}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
});

const fileUrl = new URL(runUrl);
fileUrl.pathname = `/${fileDatabase}`;
process.env.DATABASE_URL = fileUrl.toString();

afterAll(async () => {
  const holder = globalThis as unknown as { drawdeskPrisma?: { $disconnect(): Promise<void> } };
  await holder.drawdeskPrisma?.$disconnect();
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${fileDatabase}" WITH (FORCE)`));
});
