import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase, type RunningDatabase } from "./embedded-db";
import { runPrisma } from "./prisma-cli";

const PREFIX = "drawdesk_test_";
// Databases left by a run that could not clean up (kill -9, power loss) are dropped by later runs
// once they are this old; a live run never lasts that long.
const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]", ""]);

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, then releases the embedded server's lease (the last holder stops it). */
  dispose(): Promise<void>;
  server: RunningDatabase | null;
}

/** The server test databases go to: TEST_DATABASE_URL's, else DATABASE_URL's, else null (embedded). */
export function testServerUrl(): string | null {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
}

/**
 * Tests create and drop databases and seed firms: refuse a server that is not on this machine
 * unless ALLOW_REMOTE_TEST_DATABASE=1 says it is meant (dub's assert-local-database).
 */
export function assertLocalServer(url: string): void {
  const parsed = new URL(url);
  const socketHost = parsed.searchParams.get("host");
  const local = LOCAL_HOSTS.has(parsed.hostname) && (!socketHost || socketHost.startsWith("/") || LOCAL_HOSTS.has(socketHost));
  if (!local && process.env.ALLOW_REMOTE_TEST_DATABASE !== "1") {
    throw new Error(
      `Refusing to create test databases on ${parsed.hostname || socketHost}: not a local server.\n` +
        "Point TEST_DATABASE_URL at a local PostgreSQL, unset it to use the embedded one, or set " +
        "ALLOW_REMOTE_TEST_DATABASE=1 if this server is really meant for tests.",
    );
  }
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(adminUrl: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/**
 * `serverStartedAt`: this process started the server then, so databases named from before that
 * belong to runs that are over (another run may have joined since: its databases are newer).
 */
async function dropAbandoned(client: pg.Client, serverStartedAt: number | undefined): Promise<void> {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [PREFIX]);
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(PREFIX.length).split("_")[0]);
    if (!Number.isFinite(createdAt)) continue;
    if ((serverStartedAt !== undefined && createdAt < serverStartedAt) || Date.now() - createdAt > ABANDONED_AFTER_MS) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  }
}

/** A fresh, migrated database `drawdesk_test_<timestamp>_<random>` on the test server. */
export async function createTestDatabase(options: { log?: (m: string) => void } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  if (serverUrl) assertLocalServer(serverUrl);
  const server = serverUrl ? null : await startEmbeddedDatabase({ log: options.log });
  const adminUrl = server ? server.adminUrl : withDatabaseName(serverUrl!, "postgres");
  const name = `${PREFIX}${Date.now()}_${randomBytes(3).toString("hex")}`;
  const url = withDatabaseName(server ? server.url : serverUrl!, name);

  let created = false;
  const dispose = async () => {
    try {
      if (created) await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    } finally {
      if (server) await server.stop();
    }
  };

  try {
    await admin(adminUrl, async (client) => {
      await dropAbandoned(client, server?.startedAt);
      await client.query(`CREATE DATABASE "${name}"`);
    });
    created = true;
    await runPrisma(["migrate", "deploy"], url, { quiet: true });
  } catch (error) {
    await dispose().catch(() => {});
    throw error;
  }
  return { name, url, dispose, server };
}
