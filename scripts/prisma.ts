import { runPrisma } from "./lib/prisma-cli";

// `npm run db:generate` and postinstall: the Prisma CLI with the offline workarounds applied.
runPrisma(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
