import { CliError, EXIT_OK, runCommand } from "./lib/cli";
import { runPrisma } from "./lib/prisma-cli";

// `npm run db:generate`: the Prisma CLI with the offline workarounds applied. Every argument is
// Prisma's, so none is parsed here.
runCommand("prisma", "Usage: node --import tsx scripts/prisma.ts PRISMA_ARGS...", async () => {
  try {
    await runPrisma(process.argv.slice(2));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  return EXIT_OK;
});
