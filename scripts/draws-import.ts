// npm run draws:import -- FILE_OR_URL [--dry-run] [--json] [--timeout SECONDS]
// Imports IRCC's rounds feed (a saved ee_rounds_123_en.json or its URL) into the draw ledger, in one
// transaction. See USAGE for what each flag does; scripts/lib/cli.ts for output and exit codes.
import { FeedSourceError, DEFAULT_TIMEOUT_MS, loadRoundsSource } from "@/lib/draws/load-source";
import { FeedFormatError, parseRounds, type ParsedRounds } from "@/lib/draws/parse-rounds";
import type { ImportSummary } from "@/lib/db/draws/import";
import type { RoundChanges } from "@/lib/draws/diff-rounds";
import type { DistributionBucket } from "@/lib/draws/round";
import { CliError, EXIT_OK, parseCommandLine, printJson, runCommand, UsageError, wholeNumberOption, withDatabase, writeOut } from "./lib/cli";

const COMMAND = "draws:import";
const USAGE = `Usage: npm run draws:import -- FILE_OR_URL [--dry-run] [--json] [--timeout SECONDS]

Imports IRCC's rounds feed (ee_rounds_123_en.json, a file or an http(s) URL) into the draw
ledger in one transaction: new rounds are added, corrected ones updated field by field, and the
run is logged. Nothing is written when any round cannot be read.

  --dry-run          compute the summary against the database, write nothing
  --json             print the normalised rounds as a JSON array on stdout (summary on stderr)
  --dry-run --json   only read and parse the feed: no database is used
  --timeout SECONDS  give up on a URL after this long (default ${DEFAULT_TIMEOUT_MS / 1000})

Uses DATABASE_URL, or the embedded database (started for the command when the app is not running).
Exit status: 0 done, 1 unreadable source, invalid feed or database error, 2 usage.`;

function listNumbers(numbers: string[]): string {
  if (numbers.length === 0) return "";
  const shown = numbers.slice(0, 10).join(", ");
  return numbers.length > 10 ? `: ${shown} and ${numbers.length - 10} more` : `: ${shown}`;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "(none)";
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.join(", ");
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** The pool distribution is 18 buckets: name the ones whose count changed, not two JSON blobs. */
function formatDistribution(from: DistributionBucket[], to: DistributionBucket[]): string {
  const before = new Map(from.map((b) => [b.key, b.count]));
  const changed = to.filter((b) => before.get(b.key) !== b.count).map((b) => `${b.key} ${formatValue(before.get(b.key) ?? null)} → ${formatValue(b.count)}`);
  return `distribution ${changed.join(", ") || "(rearranged)"}`;
}

function formatChanges(changes: RoundChanges): string {
  return Object.entries(changes)
    .map(([field, change]) =>
      field === "distribution"
        ? formatDistribution(change.from as DistributionBucket[], change.to as DistributionBucket[])
        : `${field} ${formatValue(change.from)} → ${formatValue(change.to)}`,
    )
    .join("; ");
}

function formatImportSummary(summary: ImportSummary, source: string): string {
  const lines = [summary.dryRun ? `Dry run of ${source}: nothing was written.` : `Imported ${source}.`];
  lines.push(`  added      ${summary.added.length}${listNumbers(summary.added)}`);
  lines.push(`  updated    ${summary.updated.length}`);
  for (const { number, changes } of summary.updated) lines.push(`    round ${number}: ${formatChanges(changes)}`);
  lines.push(`  unchanged  ${summary.unchanged}`);
  if (summary.confirmed.length > 0) lines.push(`  confirmed  ${summary.confirmed.length} entered by hand, now in the feed${listNumbers(summary.confirmed)}`);
  lines.push(`  warnings   ${summary.warnings.length}`);
  // Each message already starts with "round N:".
  for (const warning of summary.warnings) lines.push(`    ${warning.message}`);
  return `${lines.join("\n")}\n`;
}

async function readFeed(source: string, timeoutMs: number): Promise<ParsedRounds> {
  try {
    return parseRounds(await loadRoundsSource(source, { timeoutMs }));
  } catch (error) {
    if (error instanceof FeedSourceError) throw new CliError(error.message);
    // The message names the round (position and drawNumber) and the field.
    if (error instanceof FeedFormatError) throw new CliError(`${source}: ${error.message}. Nothing was imported.`);
    throw error;
  }
}

/** Prisma's "table does not exist": a database that never had the migrations applied. */
function isMissingTable(error: unknown): boolean {
  return (error as { code?: unknown })?.code === "P2021";
}

async function importIntoDatabase(parsed: ParsedRounds, source: string, dryRun: boolean): Promise<ImportSummary> {
  return withDatabase(async () => {
    const { importRounds } = await import("@/lib/db/draws/import");
    const { prisma } = await import("@/lib/db/prisma");
    try {
      return await importRounds(parsed.rounds, { source, importedBy: "command line", warnings: parsed.warnings, dryRun });
    } catch (error) {
      if (isMissingTable(error)) throw new CliError("the database has no DrawDesk tables yet: run `npm run db:deploy` first. Nothing was imported.");
      const reason = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
      throw new CliError(`the import failed and was rolled back, nothing was written: ${reason}`);
    } finally {
      await prisma().$disconnect();
    }
  });
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), {
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    timeout: { type: "string" },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "name a file or URL to import." : "import one file or URL at a time.");
  const [source] = positionals;
  const timeoutSeconds = wholeNumberOption("timeout", values.timeout as string | undefined);
  const dryRun = Boolean(values["dry-run"]);
  const json = Boolean(values.json);

  const parsed = await readFeed(source, timeoutSeconds === undefined ? DEFAULT_TIMEOUT_MS : timeoutSeconds * 1000);
  if (dryRun && json) {
    for (const warning of parsed.warnings) process.stderr.write(`warning: ${warning.message}\n`);
    await printJson(parsed.rounds);
    return EXIT_OK;
  }
  const summary = await importIntoDatabase(parsed, source, dryRun);
  const report = formatImportSummary(summary, source);
  if (json) {
    process.stderr.write(report);
    await printJson(parsed.rounds);
  } else {
    await writeOut(report);
  }
  return EXIT_OK;
}

runCommand(COMMAND, USAGE, main);
