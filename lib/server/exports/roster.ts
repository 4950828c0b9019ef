import "server-only";
import type { Writable } from "node:stream";
import type { Scope } from "@/lib/auth/scope";
import type { RosterQuery } from "@/lib/clients/roster-query";
import { type ExportActor, openRosterExport, type RosterExport } from "@/lib/db/exports";
import { fileSlug } from "@/lib/reports/labels";
import { rosterReport } from "@/lib/reports/roster-columns";
import { CsvTableWriter } from "./csv";
import { end } from "./stream";

/**
 * The roster status report, CSV and XLSX: every row of the roster view (all pages) with the
 * report's columns (lib/reports/roster-columns.ts), streamed from the export's cursor into a
 * Node Writable. Usable outside route handlers:
 *
 *   await streamRosterCsv(scope, parseRosterQuery(params), fs.createWriteStream("/dev/null"));
 */

export interface RosterExportOptions {
  actor?: ExportActor;
  now?: Date;
  batchSize?: number;
  /** Called once per batch written, with the rows written so far. */
  onProgress?: (rows: number) => void;
}

export function rosterFilename(source: Pick<RosterExport, "today">, firmSlug: string, format: "csv" | "xlsx"): string {
  return `${fileSlug(firmSlug)}-roster-${source.today}.${format}`;
}

function reportOf(source: RosterExport) {
  return rosterReport({ cols: source.query.cols, archived: source.query.archived, latest: source.latest, timeZone: source.timeZone, today: source.today });
}

/** Writes an opened roster export as CSV into `sink` and ends it; closes the export whatever happens. */
export async function writeRosterCsv(source: RosterExport, sink: Writable, options: Pick<RosterExportOptions, "onProgress"> = {}): Promise<{ rows: number }> {
  let rows = 0;
  try {
    const report = reportOf(source);
    const writer = new CsvTableWriter(report.columns, sink);
    await writer.writeHeader();
    for await (const batch of source.batches()) {
      await writer.writeRows(batch.map(report.line));
      rows += batch.length;
      options.onProgress?.(rows);
    }
    await end(sink);
    return { rows };
  } catch (error) {
    await source.close();
    throw error;
  }
}

/** Writes an opened roster export as XLSX (one sheet, "Clients") into `sink`, which exceljs ends. */
export async function writeRosterXlsx(source: RosterExport, sink: Writable, options: Pick<RosterExportOptions, "onProgress"> = {}): Promise<{ rows: number }> {
  let rows = 0;
  try {
    // Loaded here, not at the top: exceljs costs ~16 MB of memory that CSV exports never need.
    const { XlsxWorkbookWriter } = await import("./xlsx");
    const workbook = new XlsxWorkbookWriter(sink, { title: "Roster status report", creator: "DrawDesk" });
    const report = reportOf(source);
    const sheet = workbook.addSheet("Clients", report.columns);
    for await (const batch of source.batches()) {
      await sheet.addRows(batch.map(report.line));
      rows += batch.length;
      options.onProgress?.(rows);
    }
    sheet.commit();
    await workbook.commit();
    return { rows };
  } catch (error) {
    await source.close();
    throw error;
  }
}

/** Opens (scoped, audited) and writes the roster view as CSV. */
export async function streamRosterCsv(scope: Scope, query: RosterQuery, sink: Writable, options: RosterExportOptions = {}): Promise<{ rows: number; total: number }> {
  const source = await openRosterExport(scope, query, { format: "csv", actor: options.actor, now: options.now, batchSize: options.batchSize });
  const { rows } = await writeRosterCsv(source, sink, options);
  return { rows, total: source.total };
}

/** Opens (scoped, audited) and writes the roster view as XLSX. */
export async function streamRosterXlsx(scope: Scope, query: RosterQuery, sink: Writable, options: RosterExportOptions = {}): Promise<{ rows: number; total: number }> {
  const source = await openRosterExport(scope, query, { format: "xlsx", actor: options.actor, now: options.now, batchSize: options.batchSize });
  const { rows } = await writeRosterXlsx(source, sink, options);
  return { rows, total: source.total };
}
