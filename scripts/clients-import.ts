// npm run clients:import -- --firm SLUG FILE.csv [--dry-run] [--json] [--valid-rows]
// Imports clients from the CSV template into a firm, for administrators. Every row is checked
// first; with any error nothing is imported (exit 1) unless --valid-rows says to import the rows
// without errors. Acts as the firm's owner (audited as "command line"). Uses DATABASE_URL, or the
// embedded database (started for the command if needed).
import { readFile } from "node:fs/promises";
import { CliError, EXIT_FAILED, EXIT_OK, parseCommandLine, printJson, runCommand, UsageError, withDatabase } from "./lib/cli";

const COMMAND = "clients:import";
const USAGE = "Usage: npm run clients:import -- --firm SLUG FILE.csv [--dry-run] [--json] [--valid-rows]";

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), {
    firm: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "valid-rows": { type: "boolean", default: false },
  });
  const slug = values.firm as string | undefined;
  if (!slug) throw new UsageError("name the firm with --firm SLUG.");
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "name the CSV file to import." : "import one CSV file at a time.");
  const file = positionals[0];
  let csv: string;
  try {
    csv = await readFile(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const json = Boolean(values.json);
  // Human output goes to stderr while running, so --json leaves stdout to the JSON alone.
  const say = (line: string) => (json ? undefined : console.log(line));

  return withDatabase(async () => {
    const { findFirmBySlug } = await import("@/lib/db/firms");
    const { importClientsCsv } = await import("@/lib/db/clients/import");
    const { prisma } = await import("@/lib/db/prisma");
    try {
      const firm = await findFirmBySlug(slug);
      if (!firm) throw new CliError(`no firm with the slug "${slug}".`);
      const owner = await prisma().user.findFirst({ where: { firmId: firm.id, role: "owner", active: true }, orderBy: { createdAt: "asc" }, select: { id: true } });
      const teams = await prisma().team.findMany({ where: { firmId: firm.id }, select: { id: true } });
      if (!owner) throw new CliError(`the firm "${firm.slug}" has no active owner to act as.`);
      const scope = { userId: owner.id, firmId: firm.id, role: "owner" as const, teamIds: teams.map((t) => t.id) };
      const mode = values["valid-rows"] ? "valid-rows" : "all-or-nothing";
      let lastShown = 0;
      const progressLine = (verb: string) => (done: number, total: number) => {
        if (json || done === 0 || (done < total && Date.now() - lastShown < 1000)) return;
        lastShown = Date.now();
        console.error(`  ${verb} ${done.toLocaleString("en-CA")} of ${total.toLocaleString("en-CA")} rows…`);
      };
      const result = await importClientsCsv(scope, csv, {
        mode,
        dryRun: Boolean(values["dry-run"]),
        via: "command line",
        onCheckProgress: progressLine("checked"),
        onProgress: progressLine("imported"),
      });

      if (json) {
        await printJson({ firm: firm.slug, file, ...result });
      } else {
        say(`${firm.name} (${firm.slug}) ← ${file}`);
        for (const e of result.errors) say(`  line ${e.line}, ${e.column}: ${e.message}`);
        const rowsWithErrors = new Set(result.errors.map((e) => e.line)).size;
        say(
          `${result.total} rows: ${result.valid} valid, ${rowsWithErrors} with errors (${result.errors.length} problems, ${result.duplicates.length} duplicates).`,
        );
        if (values["dry-run"]) say("Dry run: nothing was imported.");
        else if (result.imported > 0) say(`Imported ${result.imported} client${result.imported === 1 ? "" : "s"} in ${(result.timings.importMs / 1000).toFixed(1)} s.`);
        else if (mode === "valid-rows" || result.errors.length === 0) say("Nothing was imported: no valid rows.");
        else say("Nothing was imported. Fix the rows above, or pass --valid-rows to import only the valid rows.");
      }
      const failed = result.errors.length > 0 && !(mode === "valid-rows" && result.imported > 0);
      return failed ? EXIT_FAILED : EXIT_OK;
    } finally {
      await prisma().$disconnect();
    }
  });
}

runCommand(COMMAND, USAGE, main);
