// npm run draws:impact -- --firm SLUG --draw NUMBER|latest [--kind KIND] [--margin N] [--json]
// Which of a firm's clients a draw hits: the draw page's lists (lib/db/draws/impact.ts, same query)
// on the command line, for administrators. See USAGE; scripts/lib/cli.ts for output and exit codes.
import type { Scope } from "@/lib/auth/scope";
import type { DrawImpact, ImpactRow } from "@/lib/db/draws/impact";
import { DRAW_KINDS, DRAW_KIND_LABELS, type DrawKind } from "@/lib/draws/kinds";
import { NotFoundError } from "@/lib/errors";
import { CliError, EXIT_OK, parseCommandLine, printJson, runCommand, UsageError, wholeNumberOption, withDatabase, writeOut } from "./lib/cli";

const COMMAND = "draws:impact";
const USAGE = `Usage: npm run draws:impact -- --firm SLUG --draw NUMBER|latest [--kind KIND] [--margin N] [--json]

Lists the firm's clients above the draw's cut-off (with the tie-break rule), newly above since the
previous draw of its kind, and near misses, each with their CRS as of the draw. Acts for the whole
firm, as its owner would see it.

  --firm SLUG      the firm (its slug, as in firm:create)
  --draw NUMBER    IRCC's draw number (e.g. 417 or 91a), or "latest"
  --kind KIND      with --draw latest: the newest draw of this kind; otherwise the draw must be of it
                   (${DRAW_KINDS.join(", ")})
  --margin N       near-miss margin in CRS points (default: the firm's setting)
  --json           print { draw, kind, cutoff, tieBreakAt, above, newlyAbove, nearMiss } with the
                   clients' profile numbers, and nothing else

Uses DATABASE_URL, or the embedded database (started for the command when the app is not running).
Exit status: 0 done, 1 unknown firm or draw, or database error, 2 usage.`;

interface Request {
  firm: string;
  draw: string;
  kind: DrawKind | undefined;
  margin: number | undefined;
  json: boolean;
}

function readRequest(): Request {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), {
    firm: { type: "string" },
    draw: { type: "string" },
    kind: { type: "string" },
    margin: { type: "string" },
    json: { type: "boolean", default: false },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
  const firm = (values.firm as string | undefined)?.trim();
  const draw = (values.draw as string | undefined)?.trim();
  if (!firm) throw new UsageError("--firm SLUG is required.");
  if (!draw) throw new UsageError("--draw NUMBER (or latest) is required.");
  const kind = values.kind as string | undefined;
  if (kind !== undefined && !(DRAW_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind must be one of ${DRAW_KINDS.join(", ")}; got "${kind}".`);
  }
  return { firm, draw, kind: kind as DrawKind | undefined, margin: wholeNumberOption("margin", values.margin as string | undefined), json: Boolean(values.json) };
}

const notInLedger = (number: string) => (error: unknown) => {
  throw error instanceof NotFoundError ? new CliError(`draw ${number} is not in the ledger.`) : error;
};

/** The draw number asked for: "latest" resolved (of a kind when given), or the number as typed, checked against --kind. */
async function resolveDrawNumber(request: Request): Promise<string> {
  const { getDraw, latestDraw } = await import("@/lib/db/draws");
  if (request.draw.toLowerCase() === "latest") {
    const latest = await latestDraw(request.kind);
    if (!latest) throw new CliError(request.kind ? `there is no ${request.kind} draw in the ledger yet.` : "the draw ledger is empty: run draws:import first.");
    return latest.number;
  }
  if (request.kind) {
    const draw = await getDraw(request.draw).catch(notInLedger(request.draw));
    if (draw.kind !== request.kind) throw new CliError(`draw ${draw.number} is a ${draw.kind} draw, not ${request.kind}.`);
  }
  return request.draw;
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length));
const padStart = (text: string, width: number) => (text.length >= width ? text : " ".repeat(width - text.length) + text);

function formatList(title: string, rows: ImpactRow[]): string[] {
  const lines = ["", `${title} (${rows.length})`];
  if (rows.length === 0) return [...lines, "  none"];
  lines.push(`  ${pad("Client", 30)} ${pad("Profile", 12)} ${padStart("CRS", 5)} ${padStart("Margin", 7)}  Team`);
  for (const row of rows) {
    const margin = row.margin > 0 ? `+${row.margin}` : String(row.margin);
    const tie = row.tieBreak === "before" || row.tieBreak === "after" ? ` (tie-break: submitted ${row.tieBreak})` : "";
    lines.push(`  ${pad(`${row.lastName}, ${row.firstName}`, 30)} ${pad(row.profileNumber ?? "-", 12)} ${padStart(String(row.crs), 5)} ${padStart(margin, 7)}  ${row.teamName}${tie}`);
  }
  return lines;
}

function formatImpact(impact: DrawImpact, firmName: string): string {
  const { draw, previousDraw } = impact;
  const kind = DRAW_KIND_LABELS[draw.kind] ?? draw.kind;
  const lines = [
    `Draw ${draw.number}: ${kind}, ${draw.date}, cut-off ${draw.cutoff}, tie-break ${draw.tieBreakAt ?? "none published"}`,
    previousDraw ? `Previous ${kind} draw: ${previousDraw.number} on ${previousDraw.date}, cut-off ${previousDraw.cutoff}` : `First ${kind} draw in the ledger.`,
    `Firm: ${firmName}; near-miss margin ${impact.margin}`,
    ...formatList("Above the cut-off", impact.above),
    ...formatList("Newly above", impact.newlyAbove),
    ...formatList(`Near misses (within ${impact.margin})`, impact.nearMiss),
  ];
  return `${lines.join("\n")}\n`;
}

/** A client without a recorded profile number is named by id, so the list keeps one entry per client. */
const profileNumberOf = (row: ImpactRow) => row.profileNumber ?? row.clientId;

async function main(): Promise<number> {
  const request = readRequest();
  return withDatabase(async () => {
    const { findFirmBySlug } = await import("@/lib/db/firms");
    const { drawImpact } = await import("@/lib/db/draws/impact");
    const { prisma } = await import("@/lib/db/prisma");
    try {
      const firm = await findFirmBySlug(request.firm);
      if (!firm) throw new CliError(`no firm has the slug "${request.firm}".`);
      // An administrator's command: the whole firm, as its owner sees it. No user acts, so no userId.
      const scope: Scope = { userId: "command-line", firmId: firm.id, role: "owner", teamIds: [] };
      const number = await resolveDrawNumber(request);
      const impact = await drawImpact(scope, number, { margin: request.margin }).catch(notInLedger(number));
      if (request.json) {
        const { draw } = impact;
        await printJson({
          draw: draw.number,
          kind: draw.kind,
          cutoff: draw.cutoff,
          tieBreakAt: draw.tieBreakAt,
          above: impact.above.map(profileNumberOf),
          newlyAbove: impact.newlyAbove.map(profileNumberOf),
          nearMiss: impact.nearMiss.map(profileNumberOf),
        });
      } else {
        await writeOut(formatImpact(impact, `${firm.name} (${firm.slug})`));
      }
      return EXIT_OK;
    } finally {
      await prisma().$disconnect();
    }
  });
}

runCommand(COMMAND, USAGE, main);
