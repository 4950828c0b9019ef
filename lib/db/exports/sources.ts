import "server-only";
import { can, type Scope } from "@/lib/auth/scope";
import { relevantKinds } from "@/lib/clients/relevant-kinds";
import type { RosterQuery } from "@/lib/clients/roster-query";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import type { DrawKind } from "@/lib/draws/kinds";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { LatestKindCutoff, RosterReportRow } from "@/lib/reports/roster-columns";
import { actorOf, recordAudit } from "../audit";
import { type ClientDetail, getClient } from "../clients";
import { type ClientDrawResult, clientDrawResults } from "../draws/client-results";
import { type DrawImpact, drawImpact, type DrawImpactOptions } from "../draws/impact";
import { openSnapshot } from "./snapshot";
import { rosterExportStatements, rosterReportRows } from "./roster-statements";
import type { ClientReportInput } from "@/lib/reports/client-report";
import { getFirm, getFirmLogo, getFirmSettings } from "../firms";
import { prisma } from "../prisma";
import { clientWhere, userWhere } from "../scope";

/**
 * The exports' row sources: every one scoped to what the caller may see (the same builders as
 * the screens), gated by "clients.export", and written to the audit log with who, what, the
 * filters and the row count before the first byte leaves — an interrupted download was still an
 * export.
 */

/**
 * Rows per fetch. Measured at 100,000 rows: CSV peaks lower with 1,000 (less garbage alive at
 * each collection), XLSX with 2,000 (fewer waits on the compressor); the time barely moves.
 */
export const EXPORT_BATCH_SIZE = { csv: 1_000, xlsx: 2_000 } as const;
/** How long an export's snapshot may stay open (a slow download of 100,000 rows included). */
const EXPORT_TIMEOUT_MS = 15 * 60_000;
/** A download nobody reads for this long gives its snapshot up. */
const EXPORT_IDLE_MS = 2 * 60_000;
/** Most clients in one batch of client status reports. */
export const MAX_REPORT_BATCH = 500;

export interface ExportActor {
  /** Shown in the audit log beside the user id. */
  email?: string | null;
}

function requireExport(scope: Scope): void {
  if (!can(scope, "clients.export")) throw new ForbiddenError("You do not have permission to export client data.");
}

/** The roster view's filters as the audit log keeps them (no page, no page size). */
export function rosterFilters(query: RosterQuery) {
  const { q, team, consultant, status, program, category, crsMin, crsMax, expiringWithin, cutoff, archived, sort, dir, cols } = query;
  return { q: q ?? null, team, consultant, status, program, category, crsMin: crsMin ?? null, crsMax: crsMax ?? null, expiringWithin: expiringWithin ?? null, ita: query.ita ?? null, cutoff: cutoff ?? null, archived, sort, dir, cols };
}

export interface RosterExport {
  /** Rows the export holds (the same snapshot as the batches). */
  total: number;
  timeZone: string;
  /** Today in the firm's zone. */
  today: CalendarDate;
  /** Newest draw of each kind, newest first (the roster's latestCutoffs). */
  latest: LatestKindCutoff[];
  query: RosterQuery;
  /** The rows in the roster's order, a batch at a time (EXPORT_BATCH_SIZE); ends the snapshot when done. Read once. */
  batches(): AsyncGenerator<RosterReportRow[]>;
  /** Ends the snapshot early (cancelled download, failed writer). Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens a roster export: every client of the roster view `query` (all pages) for the caller's
 * scope. Counts the rows and audits `export.roster_<format>` before returning; rows then come
 * through a server-side cursor in batches, so memory stays bounded at 100,000 clients.
 */
export async function openRosterExport(
  scope: Scope,
  query: RosterQuery,
  options: { format: "csv" | "xlsx"; actor?: ExportActor; now?: Date; batchSize?: number },
): Promise<RosterExport> {
  requireExport(scope);
  const statements = rosterExportStatements(scope, query, options.now ?? new Date());
  const snapshot = await openSnapshot({ timeoutMs: EXPORT_TIMEOUT_MS, idleTimeoutMs: EXPORT_IDLE_MS });
  try {
    const [header] = await snapshot.query<{ today: string | null; timeZone: string | null; latest: LatestKindCutoff[] }>(statements.header, statements.headerParams);
    if (!header?.today || !header.timeZone) throw new NotFoundError("Firm");
    const [{ total }] = await snapshot.query<{ total: number }>(statements.count, statements.params);
    await recordAudit(actorOf(scope, options.actor?.email), {
      action: `export.roster_${options.format}`,
      entityType: "client",
      metadata: { format: options.format, rows: total, filters: rosterFilters(query) },
    });
    const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE[options.format];
    let read = false;
    return {
      total,
      timeZone: header.timeZone,
      today: header.today,
      latest: header.latest.map((l) => ({ ...l, kind: l.kind as DrawKind })),
      query,
      async *batches() {
        if (read) throw new Error("A roster export is read once.");
        read = true;
        try {
          yield* snapshot.batches(statements.rows, statements.params, batchSize, rosterReportRows());
        } finally {
          // Also reached on an early return (cancelled download) or an error.
          await snapshot.release();
        }
      },
      close: () => snapshot.release(),
    };
  } catch (error) {
    await snapshot.release();
    throw error;
  }
}

export interface ClientReportData {
  client: ClientDetail;
  firm: ClientReportInput["firm"];
  consultant: { name: string; licenceNumber: string | null } | null;
  /** Recent draws of the kinds relevant to the client, newest first, with the client's result. */
  draws: ClientDrawResult[];
}

/** How many recent draws are searched for the client's kinds, and how many the report shows. */
const RECENT_DRAWS_SEARCHED = 120;
const REPORT_DRAWS = 8;

/** What a client status report shows, scoped: another team's or firm's client is not found. */
export async function clientReportData(scope: Scope, clientId: string, options: { now?: Date } = {}): Promise<ClientReportData> {
  requireExport(scope);
  const client = await getClient(scope, clientId, options);
  const [firm, settings, logo, results, consultant] = await Promise.all([
    getFirm(scope),
    getFirmSettings(scope),
    getFirmLogo(scope),
    clientDrawResults(scope, clientId, { limit: RECENT_DRAWS_SEARCHED }),
    client.consultantId
      ? prisma().user.findFirst({ where: userWhere(scope, { id: client.consultantId }), select: { name: true, licenceNumber: true } })
      : Promise.resolve(null),
  ]);
  const kinds = new Set<string>(relevantKinds(client));
  return {
    client,
    firm: { name: settings.pdfFirmName ?? firm.name, timeZone: firm.timeZone, logo },
    consultant,
    draws: results.filter((r) => kinds.has(r.draw.kind)).slice(0, REPORT_DRAWS),
  };
}

/** Audits one client status report (the entry shows in the client's trail). */
export async function auditClientReport(scope: Scope, clientId: string, actor: ExportActor = {}): Promise<void> {
  await recordAudit(actorOf(scope, actor.email), { action: "export.client_pdf", entityType: "client", entityId: clientId, metadata: { format: "pdf", rows: 1 } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tooMany(count: number): InvalidInputError {
  const message = `A batch of client status reports holds at most ${MAX_REPORT_BATCH} clients; this selection has ${count.toLocaleString("en-CA")}. Narrow the filters or split the selection.`;
  return new InvalidInputError(message, [{ path: "ids", message }]);
}

export interface ReportBatch {
  clients: { id: string; firstName: string; lastName: string }[];
}

/**
 * The clients of a batch of status reports, chosen by id (in the order given) or by a roster view
 * (in its order). Scoped: an id the caller may not see makes the whole batch not found, without
 * saying which. Capped at MAX_REPORT_BATCH. Audits `export.client_pdf_batch`.
 */
export async function openReportBatch(
  scope: Scope,
  selection: { ids: string[] } | { query: RosterQuery },
  options: { layout: "zip" | "combined"; actor?: ExportActor; now?: Date },
): Promise<ReportBatch> {
  requireExport(scope);
  let clients: ReportBatch["clients"];
  if ("ids" in selection) {
    const ids = [...new Set(selection.ids.map((id) => id.trim()).filter(Boolean))];
    if (ids.length === 0) throw new InvalidInputError("Choose at least one client.", [{ path: "ids", message: "Choose at least one client." }]);
    if (ids.length > MAX_REPORT_BATCH) throw tooMany(ids.length);
    if (!ids.every((id) => UUID.test(id))) throw new NotFoundError("Client");
    const found = await prisma().client.findMany({ where: clientWhere(scope, { id: { in: ids } }), select: { id: true, firstName: true, lastName: true } });
    if (found.length !== ids.length) throw new NotFoundError("Client");
    const byId = new Map(found.map((c) => [c.id, c]));
    clients = ids.map((id) => byId.get(id)!);
  } else {
    const statements = rosterExportStatements(scope, selection.query, options.now ?? new Date());
    const [{ total }] = await prisma().$queryRawUnsafe<{ total: number }[]>(statements.count, ...statements.params);
    if (total > MAX_REPORT_BATCH) throw tooMany(total);
    if (total === 0) throw new InvalidInputError("No client matches these filters.", [{ path: "ids", message: "No client matches these filters." }]);
    const rows = await prisma().$queryRawUnsafe<RosterReportRow[]>(`${statements.rows} LIMIT ${MAX_REPORT_BATCH}`, ...statements.params);
    clients = rows.map((r) => ({ id: r.id, firstName: r.firstName, lastName: r.lastName }));
  }
  await recordAudit(actorOf(scope, options.actor?.email), {
    action: "export.client_pdf_batch",
    entityType: "client",
    metadata: {
      format: options.layout === "zip" ? "zip" : "pdf",
      layout: options.layout,
      rows: clients.length,
      clientIds: clients.map((c) => c.id),
      ...("query" in selection ? { filters: rosterFilters(selection.query) } : {}),
    },
  });
  return { clients };
}

/** The draw impact lists for an export, scoped like the draw page, and audited. */
export async function drawImpactExport(
  scope: Scope,
  drawNumber: string,
  options: DrawImpactOptions & { format: "csv" | "xlsx" | "pdf"; actor?: ExportActor },
): Promise<DrawImpact> {
  requireExport(scope);
  const impact = await drawImpact(scope, drawNumber, { margin: options.margin, teamId: options.teamId, consultantId: options.consultantId });
  await recordAudit(actorOf(scope, options.actor?.email), {
    action: `export.draw_impact_${options.format}`,
    entityType: "draw",
    entityId: impact.draw.number,
    metadata: {
      format: options.format,
      rows: impact.above.length + impact.newlyAbove.length + impact.nearMiss.length,
      counts: { above: impact.above.length, newlyAbove: impact.newlyAbove.length, nearMiss: impact.nearMiss.length },
      filters: { team: options.teamId ?? null, consultant: options.consultantId ?? null, margin: impact.margin },
    },
  });
  return impact;
}
