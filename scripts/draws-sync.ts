// npm run draws:sync [-- --url URL] [--dry-run] [--json]
// Fetches IRCC's rounds feed (default: DRAWS_FEED_URL, else IRCC's official URL), imports it and
// prints what changed. Meant for cron: exits 1 when the feed is unreachable or not the feed, so the
// scheduler reports it. Uses DATABASE_URL, or the embedded database (started if needed).
import { feedUrl, fetchFeedRounds } from "@/lib/draws/feed";
import { FeedSourceError } from "@/lib/draws/load-source";
import { FeedFormatError, type ParsedRounds } from "@/lib/draws/parse-rounds";
import { CliError, EXIT_OK, parseCommandLine, printJson, runCommand, withDatabase } from "./lib/cli";

const COMMAND = "draws:sync";
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

/** The feed's own failures are the scheduler's business, not bugs: one line each, exit 1. */
async function fetchRounds(url: string): Promise<ParsedRounds> {
  try {
    return await fetchFeedRounds(url);
  } catch (error) {
    if (error instanceof FeedSourceError) throw new CliError(`the feed is unreachable: ${error.message}`);
    if (error instanceof FeedFormatError) throw new CliError(`not IRCC's rounds feed: ${error.message}`);
    throw error;
  }
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(process.argv.slice(2), {
    url: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  }, { positionals: false });
  const url = (values.url as string | undefined) || feedUrl();
  // Fetch before touching the database: an unreachable feed fails fast and starts nothing.
  const { rounds, warnings } = await fetchRounds(url);
  return withDatabase(async () => {
    const { importRounds } = await import("@/lib/db/draws/import");
    const summary = await importRounds(rounds, { source: url, importedBy: "draws:sync", warnings, dryRun: Boolean(values["dry-run"]) });
    if (values.json) await printJson({ url, rounds: rounds.length, ...summary });
    else print(url, summary);
    const { prisma } = await import("@/lib/db/prisma");
    await prisma().$disconnect();
    return EXIT_OK;
  });
}

runCommand(COMMAND, USAGE, main);
