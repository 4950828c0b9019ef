import "server-only";
import type { Writable } from "node:stream";
import archiver from "archiver";
import type { Scope } from "@/lib/auth/scope";
import { auditClientReport, clientReportData, type ExportActor, type ReportBatch } from "@/lib/db/exports";
import { clientReport } from "@/lib/reports/client-report";
import { fileSlug } from "@/lib/reports/labels";
import { renderClientReport } from "./client-report-pdf";
import { createDoc, type Doc, toBuffer } from "./pdf";
import { drained, ExportAbortedError } from "./stream";

/**
 * Client status reports as PDF: one client (built in memory, a few dozen kB), or a batch — a ZIP
 * with one PDF per client, or one combined PDF — written one client at a time so memory holds a
 * single client's report whatever the batch size.
 */

export interface ClientReportOptions {
  actor?: ExportActor & { name?: string | null };
  now?: Date;
}

async function reportFor(scope: Scope, clientId: string, options: ClientReportOptions) {
  const now = options.now ?? new Date();
  const data = await clientReportData(scope, clientId, { now });
  return clientReport({ ...data, generatedBy: options.actor?.name ?? options.actor?.email ?? null, now });
}

export function clientReportFilename(client: { firstName: string; lastName: string; id: string }, date: string): string {
  return `client-report-${fileSlug(`${client.lastName}-${client.firstName}`)}-${client.id.slice(0, 8)}-${date}.pdf`;
}

/** One client's report (scoped: another team's or firm's client is not found), audited. */
export async function clientReportPdf(scope: Scope, clientId: string, options: ClientReportOptions = {}): Promise<{ pdf: Buffer; filename: string }> {
  const report = await reportFor(scope, clientId, options);
  await auditClientReport(scope, clientId, options.actor);
  const doc = createDoc({ title: `${report.title}: ${report.clientName}`, author: report.firmName });
  const bytes = toBuffer(doc);
  renderClientReport(doc, report);
  doc.end();
  const [firstName, ...rest] = report.clientName.split(" ");
  return { pdf: await bytes, filename: clientReportFilename({ firstName, lastName: rest.join(" "), id: clientId }, report.generatedAt.slice(0, 10)) };
}

/** A ZIP of one PDF per client of an opened batch (openReportBatch), written into `sink`, which it ends. */
export async function writeReportBatchZip(scope: Scope, batch: ReportBatch, sink: Writable, options: ClientReportOptions = {}): Promise<{ reports: number }> {
  const zip = archiver("zip", { zlib: { level: 6 } });
  const finished = new Promise<void>((resolve, reject) => {
    sink.once("finish", resolve);
    sink.once("close", () => reject(new ExportAbortedError()));
    sink.once("error", reject);
    zip.once("error", reject);
  });
  finished.catch(() => undefined);
  zip.pipe(sink);
  const used = new Set<string>();
  try {
    for (const client of batch.clients) {
      if (sink.destroyed) throw new ExportAbortedError();
      const report = await reportFor(scope, client.id, options);
      const doc = createDoc({ title: `${report.title}: ${report.clientName}`, author: report.firmName });
      const bytes = toBuffer(doc);
      renderClientReport(doc, report);
      doc.end();
      let name = clientReportFilename(client, report.generatedAt.slice(0, 10));
      if (used.has(name)) name = name.replace(/\.pdf$/, `-${client.id}.pdf`);
      used.add(name);
      const entry = new Promise<void>((resolve) => zip.once("entry", () => resolve()));
      zip.append(await bytes, { name });
      // One client's PDF in the archive at a time; a failed archive or a closed reader ends the wait.
      await Promise.race([entry, finished]);
      await drained(sink);
    }
    await zip.finalize();
    await finished;
    return { reports: batch.clients.length };
  } catch (error) {
    zip.abort();
    throw error;
  }
}

/** One PDF with every client's report, one after the other, streamed into `sink`, which it ends. */
export async function writeReportBatchCombined(scope: Scope, batch: ReportBatch, sink: Writable, options: ClientReportOptions = {}): Promise<{ reports: number }> {
  let doc: Doc | null = null;
  const finished = new Promise<void>((resolve, reject) => {
    sink.once("finish", resolve);
    sink.once("close", () => reject(new ExportAbortedError()));
    sink.once("error", reject);
  });
  finished.catch(() => undefined);
  for (const client of batch.clients) {
    if (sink.destroyed) throw new ExportAbortedError();
    const report = await reportFor(scope, client.id, options);
    if (!doc) {
      doc = createDoc({ title: `Client status reports (${batch.clients.length})`, author: report.firmName });
      doc.pipe(sink);
    }
    // pdfkit writes each page out as the next one starts, so only the current client is held.
    renderClientReport(doc, report);
    await drained(sink);
  }
  doc?.end();
  if (!doc) sink.end();
  await finished;
  return { reports: batch.clients.length };
}
