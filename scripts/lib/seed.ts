// Seeds the demo firm into DATABASE_URL when the database has no firm yet, then prints the result
// as one JSON line on stdout (the last line; anything else goes to stderr).
//
// Started by run-seed.ts as `node --conditions=react-server --import tsx scripts/lib/seed.ts`: lib/db
// modules start with `import "server-only"`, which throws unless the react-server export condition
// is active. A separate process keeps that condition (and the seed's database pool) out of the
// long-running `npm start` supervisor; `npm start` and the e2e test database both use it.
import { seedDemoIfEmpty } from "@/lib/db/seed-demo";
import { CliError, EXIT_OK, runCommand, writeOut } from "./cli";

runCommand("seed", "Usage: DATABASE_URL=… node --conditions=react-server --import tsx scripts/lib/seed.ts", async () => {
  if (!process.env.DATABASE_URL) throw new CliError("DATABASE_URL is not set");
  const result = await seedDemoIfEmpty();
  await writeOut(`${JSON.stringify(result)}\n`);
  return EXIT_OK;
});
