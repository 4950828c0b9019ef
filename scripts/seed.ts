// Seeds the demo firm into DATABASE_URL when the database has no firm yet, then prints the result
// as one JSON line on stdout (the last line; anything else goes to stderr).
//
// Run as `node --conditions=react-server --import tsx scripts/seed.ts`: lib/db modules start with
// `import "server-only"`, which throws unless the react-server export condition is active. A
// separate process keeps that condition (and the seed's database pool) out of the long-running
// `npm start` supervisor; `npm start` and the e2e test database both use it.
import { seedDemoIfEmpty } from "./lib/seed-demo";

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  const result = await seedDemoIfEmpty();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  },
);
