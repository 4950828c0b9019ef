// `npm run db:deploy`: applies pending migrations to DATABASE_URL, or to the embedded database
// (started for the command when the app is not already running it).
import { runPrisma } from "./lib/prisma-cli";
import { withDatabase } from "./lib/with-db";

withDatabase((db) => runPrisma(["migrate", "deploy"], db.url), { migrate: false }).then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
