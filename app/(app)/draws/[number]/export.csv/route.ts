import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { actorOf, recordAudit } from "@/lib/db/audit";
import { drawImpact, type ImpactRow } from "@/lib/db/draw-impact";
import { NotFoundError } from "@/lib/errors";
import { authedRoute } from "@/lib/server/route";
import { impactQuerySchema } from "../impact-query";

const COLUMNS = ["list", "profileNumber", "firstName", "lastName", "team", "consultant", "crsAtDraw", "margin", "tieBreak", "profileSubmittedAt", "clientId"];

function record(list: string, row: ImpactRow) {
  return [list, row.profileNumber, row.firstName, row.lastName, row.teamName, row.consultantName, row.crs, row.margin, row.tieBreak, row.profileSubmittedAt, row.clientId];
}

/**
 * The draw page's three lists as CSV, with the page's filters: scoped by drawImpact, so the export
 * holds exactly what the user may see, and written to the audit log.
 */
export const GET = authedRoute<{ params: Promise<{ number: string }> }>({ permission: "clients.export" }, async (req, viewer, context) => {
  const raw = (await context.params).number;
  let number: string;
  try {
    number = decodeURIComponent(raw);
  } catch {
    throw new NotFoundError(`Draw ${raw}`);
  }
  const query = impactQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const impact = await drawImpact(viewer.scope, number, { teamId: query.team, consultantId: query.consultant, margin: query.margin });
  const rows = [
    ...impact.above.map((r) => record("above", r)),
    ...impact.newlyAbove.map((r) => record("newly_above", r)),
    ...impact.nearMiss.map((r) => record("near_miss", r)),
  ];
  await recordAudit(actorOf(viewer.scope, viewer.email), {
    action: "draw.export",
    entityType: "draw",
    entityId: impact.draw.number,
    metadata: { format: "csv", rows: rows.length, teamId: query.team ?? null, consultantId: query.consultant ?? null, margin: impact.margin },
  });
  const csv = stringify({ header: true, columns: COLUMNS, cast: { boolean: (v) => (v ? "true" : "false") } });
  for (const row of rows) csv.write(row);
  csv.end();
  const filename = `drawdesk-draw-${impact.draw.number.replace(/[^0-9a-z]/gi, "")}.csv`;
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
