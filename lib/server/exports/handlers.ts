import "server-only";
import type { NextRequest } from "next/server";
import { z } from "@/lib/zod";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import { drawImpactExport, openReportBatch, openRosterExport } from "@/lib/db/exports";
import { getFirm } from "@/lib/db/firms";
import { InvalidInputError } from "@/lib/errors";
import type { Viewer } from "../session";
import { clientReportPdf, writeReportBatchCombined, writeReportBatchZip } from "./client-reports";
import { impactFilename, impactPdf, writeImpactCsv, writeImpactXlsx } from "./draw-impact";
import { rosterFilename, writeRosterCsv, writeRosterXlsx } from "./roster";
import { bufferedDownload, streamedDownload } from "./stream";

/**
 * The export route handlers' bodies (each route file is one line): parse the same URL state as
 * the screen (parseRosterQuery, impactQuerySchema), open the scoped and audited source, answer
 * with the file. Permission "clients.export" is checked by authedRoute and again in lib/db.
 */

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  zip: "application/zip",
} as const;

const actorOf = (viewer: Viewer) => ({ email: viewer.email, name: viewer.name });

/** Roster status report: the roster view in the URL (all pages), streamed. */
export async function rosterExportResponse(req: NextRequest, viewer: Viewer, format: "csv" | "xlsx"): Promise<Response> {
  const query = parseRosterQuery(req.nextUrl.searchParams);
  const firm = await getFirm(viewer.scope);
  // Opened last: from here the export holds a snapshot until the stream ends.
  const source = await openRosterExport(viewer.scope, query, { format, actor: actorOf(viewer) });
  const write = format === "csv" ? writeRosterCsv : writeRosterXlsx;
  return streamedDownload(
    async (sink) => {
      await write(source, sink);
    },
    { contentType: CONTENT_TYPES[format], filename: rosterFilename(source, firm.slug, format), totalRows: source.total },
  );
}

export async function clientReportResponse(viewer: Viewer, clientId: string): Promise<Response> {
  const { pdf, filename } = await clientReportPdf(viewer.scope, clientId, { actor: actorOf(viewer) });
  return bufferedDownload(pdf, { contentType: CONTENT_TYPES.pdf, filename, totalRows: 1 });
}

const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(/[\s,]+/)).filter(Boolean)),
  z.array(z.string().max(64)).max(10_000),
);

/**
 * The clients of a batch: `ids` (comma-separated or repeated, in the query string or a form/JSON
 * body — a POST keeps 500 ids out of the URL), or, without ids, the roster view in the query string.
 */
async function batchSelection(req: NextRequest) {
  let ids: string[] = idList.parse(req.nextUrl.searchParams.getAll("ids"));
  if (req.method === "POST") {
    const type = req.headers.get("content-type") ?? "";
    if (type.includes("application/json")) {
      const body = (await req.json().catch(() => ({}))) as { ids?: unknown };
      ids = [...ids, ...idList.parse(body.ids)];
    } else {
      const form = await req.formData().catch(() => null);
      ids = [...ids, ...idList.parse(form?.getAll("ids") ?? [])];
    }
  }
  if (ids.length > 0) return { ids };
  const query = parseRosterQuery(req.nextUrl.searchParams);
  if (req.nextUrl.searchParams.get("view") !== "roster") {
    throw new InvalidInputError("Choose the clients: ids=…, or view=roster with the roster's filters.", [{ path: "ids", message: "Choose at least one client." }]);
  }
  return { query };
}

/** A batch of client status reports: a ZIP of PDFs or one combined PDF, written client by client. */
export async function reportBatchResponse(req: NextRequest, viewer: Viewer, layout: "zip" | "combined"): Promise<Response> {
  const selection = await batchSelection(req);
  const batch = await openReportBatch(viewer.scope, selection, { layout, actor: actorOf(viewer) });
  const date = new Date().toISOString().slice(0, 10);
  const write = layout === "zip" ? writeReportBatchZip : writeReportBatchCombined;
  return streamedDownload(
    async (sink) => {
      await write(viewer.scope, batch, sink, { actor: actorOf(viewer) });
    },
    {
      contentType: layout === "zip" ? CONTENT_TYPES.zip : CONTENT_TYPES.pdf,
      filename: `client-reports-${batch.clients.length}-${date}.${layout === "zip" ? "zip" : "pdf"}`,
      totalRows: batch.clients.length,
    },
  );
}

/** Draw impact report for one draw, with the draw page's filters (its impactQuerySchema, parsed by the route). */
export async function impactResponse(
  viewer: Viewer,
  drawNumber: string,
  query: { team?: string; consultant?: string; margin?: number },
  format: "csv" | "xlsx" | "pdf",
): Promise<Response> {
  const [firm, impact] = await Promise.all([
    getFirm(viewer.scope),
    drawImpactExport(viewer.scope, drawNumber, { teamId: query.team, consultantId: query.consultant, margin: query.margin, format, actor: actorOf(viewer) }),
  ]);
  const rows = impact.above.length + impact.newlyAbove.length + impact.nearMiss.length;
  const filename = impactFilename(impact, format);
  if (format === "pdf") {
    const pdf = await impactPdf(impact, { firmName: firm.name, timeZone: firm.timeZone, generatedBy: viewer.name, now: new Date() });
    return bufferedDownload(pdf, { contentType: CONTENT_TYPES.pdf, filename, totalRows: rows });
  }
  const write = format === "csv" ? writeImpactCsv : writeImpactXlsx;
  return streamedDownload(
    async (sink) => {
      await write(impact, firm.timeZone, sink);
    },
    { contentType: CONTENT_TYPES[format], filename, totalRows: rows },
  );
}
