// `npm run db:deploy`: applies pending migrations to DATABASE_URL, or to the embedded database
// (started for the command when the app is not already running it).
import { CliError, EXIT_OK, parseCommandLine, runCommand, withDatabase } from "./lib/cli";
import { runPrisma } from "./lib/prisma-cli";

const USAGE = "Usage: npm run db:deploy";

async function main(): Promise<number> {
  parseCommandLine(process.argv.slice(2), {}, { positionals: false });
  try {
    await withDatabase((db) => runPrisma(["migrate", "deploy"], db.url), { migrate: false });
  } catch (error) {
    // Prisma has printed its own account above; its exit status or the database's refusal ends it.
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  return EXIT_OK;
}

runCommand("db:deploy", USAGE, main);
