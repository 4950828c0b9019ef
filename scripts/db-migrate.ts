// `npm run db:migrate -- --name add_client_notes`: turns changes to prisma/schema.prisma into a new
// migration under prisma/migrations, then applies it to DATABASE_URL or the embedded database.
//
// The recipe that works offline with Prisma 6.19's JavaScript engine (ENVIRONMENT.md trap 6):
// `migrate dev` fails when migrations are pending and with --create-only, so the migration is
// generated on a scratch database brought up to date with `migrate deploy` first. Generating on
// a scratch copy has a second use: Prisma's diff does not know the hand-written indexes at the end
// of earlier migrations and writes DROP INDEX statements for them; they are removed from the new
// file before it touches your database, which then gets it through `migrate deploy` with a
// matching checksum.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { MIGRATIONS_DIR as MIGRATIONS, migrationFolders } from "./lib/migrations";
import { runPrisma } from "./lib/prisma-cli";
import { CliError, EXIT_OK, parseCommandLine, runCommand, UsageError, withDatabase } from "./lib/cli";

// Everything after this line in a migration is SQL Prisma's schema language cannot express.
const HAND_WRITTEN_MARKER = "-- Hand-written below";
const SCRATCH_PREFIX = "drawdesk_migrate_";

const USAGE = "Usage: npm run db:migrate -- --name short_description   (letters, digits, _ and -)";

/** Names of the indexes created in the hand-written part of earlier migrations. */
function handWrittenIndexes(folders: string[]): Set<string> {
  const names = new Set<string>();
  for (const folder of folders) {
    const sql = fs.readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8");
    const at = sql.indexOf(HAND_WRITTEN_MARKER);
    if (at < 0) continue;
    for (const match of sql.slice(at).matchAll(/CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF NOT EXISTS\s+)?"([^"]+)"/gi)) {
      names.add(match[1]);
    }
  }
  return names;
}

/** Removes `DROP INDEX "<hand-written>";` (and Prisma's `-- DropIndex` comment above it). */
function keepHandWrittenIndexes(folder: string, indexes: Set<string>): { removed: string[]; empty: boolean } {
  const file = path.join(MIGRATIONS, folder, "migration.sql");
  const removed: string[] = [];
  const sql = fs.readFileSync(file, "utf8").replace(
    /(?:-- DropIndex\r?\n)?DROP INDEX (?:IF EXISTS )?(?:"public"\.)?"([^"]+)";[ \t]*\r?\n?/g,
    (statement, name: string) => {
      if (!indexes.has(name)) return statement;
      removed.push(name);
      return "";
    },
  );
  const cleaned = sql.replace(/\n{3,}/g, "\n\n").trim();
  if (removed.length) fs.writeFileSync(file, cleaned ? `${cleaned}\n` : "");
  return { removed, empty: cleaned.replace(/^--.*$/gm, "").trim() === "" };
}

async function onServer<T>(adminUrl: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), { name: { type: "string", short: "n" } }, { positionals: false });
  const name = values.name as string | undefined;
  if (!name || !/^[A-Za-z0-9_-]+$/.test(name)) throw new UsageError(name ? `"${name}" is not a migration name.` : "name the migration with --name.");
  try {
    await generateAndApply(name);
  } catch (error) {
    // Prisma has printed its own account above; what ended the run is enough here.
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  return EXIT_OK;
}

async function generateAndApply(name: string): Promise<void> {
  await withDatabase(async (db) => {
    console.log("Applying existing migrations to your database…");
    await runPrisma(["migrate", "deploy"], db.url, { quiet: true });

    const scratch = `${SCRATCH_PREFIX}${Date.now()}_${randomBytes(3).toString("hex")}`;
    const scratchUrl = new URL(db.url);
    scratchUrl.pathname = `/${scratch}`;
    await onServer(db.adminUrl, async (client) => {
      // Left behind by an interrupted run (an hour is far longer than any run takes).
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
        [SCRATCH_PREFIX],
      );
      for (const { datname } of rows) {
        const createdAt = Number(datname.slice(SCRATCH_PREFIX.length).split("_")[0]);
        if (Date.now() - createdAt > 60 * 60 * 1000) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
      await client.query(`CREATE DATABASE "${scratch}"`);
    });

    const before = migrationFolders();
    let created: string[] = [];
    try {
      await runPrisma(["migrate", "deploy"], scratchUrl.toString(), { quiet: true });
      console.log(`Generating migration "${name}" from prisma/schema.prisma (on a scratch database)…`);
      await runPrisma(["migrate", "dev", "--name", name, "--skip-seed"], scratchUrl.toString());
      created = migrationFolders().filter((f) => !before.includes(f));
    } finally {
      await onServer(db.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`));
    }

    const indexes = handWrittenIndexes(before);
    for (const folder of created) {
      const { removed, empty } = keepHandWrittenIndexes(folder, indexes);
      if (removed.length) {
        console.log(
          `Note: removed DROP INDEX for hand-written ${removed.join(", ")} from ${folder}/migration.sql ` +
            "(Prisma's schema cannot describe them; they stay).",
        );
      }
      if (empty) {
        fs.rmSync(path.join(MIGRATIONS, folder), { recursive: true });
        console.log(`No schema changes: removed the empty migration ${folder}.`);
        created = created.filter((f) => f !== folder);
      }
    }
    if (created.length === 0) {
      console.log("Nothing to migrate: prisma/schema.prisma matches the migrations.");
      return;
    }
    console.log(`Applying ${created.join(", ")} to your database…`);
    await runPrisma(["migrate", "deploy"], db.url, { quiet: true });
    console.log(`Done. Review prisma/migrations/${created.join(", prisma/migrations/")}/migration.sql and commit it.`);
  }, { migrate: false });
}

runCommand("db:migrate", USAGE, main);
