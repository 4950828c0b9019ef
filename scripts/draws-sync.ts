// npm run draws:sync [-- --url URL] [--dry-run] [--json]
// Fetches IRCC's rounds feed (default: DRAWS_FEED_URL, else IRCC's official URL), imports it and
// prints what changed. Meant for cron: exits 1 when the feed is unreachable or not the feed, so the
// scheduler reports it. Uses DATABASE_URL, or the embedded database (started if needed).
import { parseArgs } from "node:util";
import { withDatabase } from "./lib/with-db";

const USAGE = "Usage: npm run draws:sync -- [--url URL] [--dry-run] [--json]";

interface Summary {
  added: string[];
  updated: { number: string; changes: Record<string, unknown> }[];
  unchanged: number;
  confirmed: string[];
  warnings: { number: string; message: string }[];
  dryRun: boolean;
}

function print(url: string, summary: Summary): void {
  const verb = summary.dryRun ? "would be " : "";
  console.log(`${summary.dryRun ? "Dry run of" : "Imported"} ${url}:`);
  console.log(`  ${summary.added.length} ${verb}added${summary.added.length ? `: ${summary.added.map((n) => `#${n}`).join(", ")}` : ""}`);
  console.log(`  ${summary.updated.length} ${verb}updated${summary.updated.length ? ":" : ""}`);
  for (const u of summary.updated) console.log(`    #${u.number}: ${Object.keys(u.changes).join(", ")}`);
  if (summary.confirmed.length) console.log(`  ${summary.confirmed.length} provisional ${verb}confirmed: ${summary.confirmed.map((n) => `#${n}`).join(", ")}`);
  console.log(`  ${summary.unchanged} unchanged`);
  console.log(`  ${summary.warnings.length} warnings`);
  for (const w of summary.warnings) console.log(`    ${w.message}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.error(USAGE);
    return 2;
  }
  const { feedUrl, fetchFeedRounds } = await import("@/lib/draws/feed");
  const url = values.url || feedUrl();
  // Fetch before touching the database: an unreachable feed fails fast and starts nothing.
  const { rounds, warnings } = await fetchFeedRounds(url);
  return withDatabase(async () => {
    const { importRounds } = await import("@/lib/db/draws-import");
    const summary = await importRounds(rounds, { source: url, importedBy: "draws:sync", warnings, dryRun: values["dry-run"] });
    if (values.json) process.stdout.write(`${JSON.stringify({ url, rounds: rounds.length, ...summary }, null, 2)}\n`);
    else print(url, summary);
    const { prisma } = await import("@/lib/db/prisma");
    await prisma().$disconnect();
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const name = error instanceof Error ? error.name : "";
    const message = error instanceof Error ? error.message : String(error);
    if (name === "FeedSourceError") console.error(`draws:sync: the feed is unreachable: ${message}`);
    else if (name === "FeedFormatError") console.error(`draws:sync: not IRCC's rounds feed: ${message}`);
    else console.error(`draws:sync failed: ${message}`);
    process.exit(1);
  },
);
