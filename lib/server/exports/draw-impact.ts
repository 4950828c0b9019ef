import "server-only";
import type { Writable } from "node:stream";
import type { DrawImpact } from "@/lib/db/draws/impact";
import { column } from "@/lib/reports/columns";
import { impactReportColumns, listedImpactRows, type ImpactReportRow } from "@/lib/reports/impact-columns";
import { DRAW_KIND_SHORT, fileSlug, formatCount, formatMargin } from "@/lib/reports/labels";
import { pdfText } from "@/lib/reports/pdf-text";
import { wallClock } from "@/lib/reports/wall-clock";
import { DRAW_KIND_LABELS } from "@/lib/draws/kinds";
import { formatInstant } from "@/lib/dates/format-instant";
import { CsvTableWriter } from "./csv";
import { ACCENT, addPage, contentWidth, createDoc, drawTable, heading, INK, MARGIN, MUTED, toBuffer } from "./pdf";
import { end } from "./stream";
import { XlsxWorkbookWriter } from "./xlsx";

/**
 * The draw impact report: the draw page's lists for one draw, as CSV (one table with a "List"
 * column), XLSX (a summary sheet and one sheet per list) or a PDF summary. The lists come from
 * drawImpactExport (scoped and audited); they are already in memory, as on the draw page.
 */

export function impactFilename(impact: Pick<DrawImpact, "draw">, format: "csv" | "xlsx" | "pdf"): string {
  return `draw-${fileSlug(impact.draw.number)}-impact-${impact.draw.date}.${format}`;
}

function lists(impact: DrawImpact) {
  return { above: impact.above, newlyAbove: impact.newlyAbove, nearMiss: impact.nearMiss };
}

export async function writeImpactCsv(impact: DrawImpact, timeZone: string, sink: Writable): Promise<{ rows: number }> {
  const rows = listedImpactRows(lists(impact));
  const writer = new CsvTableWriter(impactReportColumns(timeZone, true), sink);
  await writer.writeHeader();
  for (let i = 0; i < rows.length; i += 2_000) await writer.writeRows(rows.slice(i, i + 2_000));
  await end(sink);
  return { rows: rows.length };
}

export async function writeImpactXlsx(impact: DrawImpact, timeZone: string, sink: Writable): Promise<{ rows: number }> {
  const workbook = new XlsxWorkbookWriter(sink, { title: `Draw #${impact.draw.number} impact`, creator: "DrawDesk" });
  const d = impact.draw;
  const summary = workbook.addSheet<DrawImpact>("Summary", [
    column("draw", "Draw", "text", 8, () => `#${d.number}`),
    column("date", "Date", "date", 12, () => d.date),
    column("kind", "Kind", "text", 28, () => DRAW_KIND_LABELS[d.kind] ?? d.kind),
    column("cutoff", "Cut-off", "number", 8, () => d.cutoff),
    column("tieBreakAt", `Tie-break time (${timeZone})`, "datetime", 20, () => (d.tieBreakAt ? wallClock(d.tieBreakAt, timeZone) : null)),
    column("size", "Invitations", "number", 10, () => d.size),
    column("above", "Above", "number", 8, (i) => i.above.length),
    column("newlyAbove", "Newly above", "number", 10, (i) => i.newlyAbove.length),
    column("nearMiss", "Near misses", "number", 10, (i) => i.nearMiss.length),
    column("margin", "Near-miss margin", "number", 10, (i) => i.margin),
    column("previous", "Previous draw of the kind", "text", 22, (i) => (i.previousDraw ? `#${i.previousDraw.number} (${i.previousDraw.date})` : "None")),
  ]);
  await summary.addRows([impact]);
  summary.commit();
  const columns = impactReportColumns(timeZone, false);
  const sheets: [string, readonly ImpactReportRow[], "above" | "newly_above" | "near_miss"][] = [
    ["Above", impact.above, "above"],
    ["Newly above", impact.newlyAbove, "newly_above"],
    ["Near misses", impact.nearMiss, "near_miss"],
  ];
  let rows = 0;
  for (const [name, list, key] of sheets) {
    const sheet = workbook.addSheet(name, columns);
    for (let i = 0; i < list.length; i += 2_000) await sheet.addRows(list.slice(i, i + 2_000).map((r) => ({ ...r, list: key })));
    sheet.commit();
    rows += list.length;
  }
  await workbook.commit();
  return { rows };
}

/** The PDF lists at most this many clients each; the spreadsheet has them all. */
export const PDF_LIST_LIMIT = 100;

export async function impactPdf(impact: DrawImpact, context: { firmName: string; timeZone: string; generatedBy: string | null; now: Date }): Promise<Buffer> {
  const d = impact.draw;
  const tz = context.timeZone;
  const generated = formatInstant(context.now.toISOString(), tz);
  const doc = createDoc({ title: `Draw #${d.number} impact`, author: context.firmName });
  const bytes = toBuffer(doc);
  let page = 0;
  const newPage = () =>
    addPage(doc, { footerLeft: pdfText(`${context.firmName} · Draw #${d.number} impact`), footerRight: pdfText(`Generated ${generated}${context.generatedBy ? ` by ${context.generatedBy}` : ""}`) }, ++page);
  newPage();
  const width = contentWidth(doc);

  doc.rect(MARGIN, MARGIN, width, 40).fill(ACCENT);
  doc.font("Helvetica-Bold").fontSize(15).fillColor("#ffffff").text(pdfText(context.firmName), MARGIN + 12, MARGIN + 13, { width: width * 0.6, lineBreak: false, ellipsis: true });
  doc.font("Helvetica-Bold").fontSize(11).text("Draw impact report", MARGIN, MARGIN + 8, { width: width - 12, align: "right", lineBreak: false });
  doc.font("Helvetica").fontSize(8).text(pdfText(`Generated ${generated}`), MARGIN, MARGIN + 26, { width: width - 12, align: "right", lineBreak: false });
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(18).text(pdfText(`Draw #${d.number}: ${DRAW_KIND_LABELS[d.kind] ?? d.kind}${d.categoryVersion ? ` (${d.categoryVersion})` : ""}`), MARGIN, MARGIN + 54, { width });
  const facts = [
    `${d.date} · cut-off ${d.cutoff} · ${formatCount(d.size)} invitations`,
    d.tieBreakAt ? `Tie-break time ${formatInstant(d.tieBreakAt, tz, { seconds: true })}` : "No tie-break time published: everyone at the cut-off was invited",
    impact.previousDraw ? `Previous ${DRAW_KIND_SHORT[d.kind] ?? d.kind} draw: #${impact.previousDraw.number}, ${impact.previousDraw.date}, cut-off ${impact.previousDraw.cutoff}` : "First draw of its kind",
    `Your clients (CRS as of the draw time): ${formatCount(impact.above.length)} above, ${formatCount(impact.newlyAbove.length)} newly above, ${formatCount(impact.nearMiss.length)} near misses (within ${impact.margin} points).`,
  ];
  doc.font("Helvetica").fontSize(9).fillColor(MUTED);
  for (const line of facts) doc.text(pdfText(line), MARGIN, doc.y + 2, { width });
  doc.fillColor(INK);

  const countTable = (title: string, label: string, rows: { name: string; above: number; newlyAbove: number; nearMiss: number }[]) => {
    heading(doc, title, 50, newPage);
    drawTable(doc, {
      columns: [
        { header: label, width: width * 0.46 },
        { header: "Above", width: width * 0.18, align: "right" },
        { header: "Newly above", width: width * 0.18, align: "right" },
        { header: "Near misses", width: width * 0.18, align: "right" },
      ],
      rows: rows.length
        ? rows.map((r) => ({ cells: [pdfText(r.name), formatCount(r.above), formatCount(r.newlyAbove), formatCount(r.nearMiss)] }))
        : [{ cells: ["No client above or near.", "", "", ""] }],
      newPage,
    });
  };
  countTable("By team", "Team", impact.countsByTeam.map((c) => ({ ...c, name: c.teamName })));
  countTable("By consultant", "Consultant", impact.countsByConsultant.map((c) => ({ ...c, name: c.consultantName ?? "No consultant" })));

  const list = (title: string, rows: readonly ImpactReportRow[]) => {
    heading(doc, `${title} (${formatCount(rows.length)})`, 60, newPage);
    if (rows.length === 0) {
      doc.font("Helvetica").fontSize(8.5).fillColor(MUTED).text("None.", MARGIN, doc.y);
      doc.fillColor(INK);
      return;
    }
    drawTable(doc, {
      columns: [
        { header: "Client", width: width * 0.3 },
        { header: "Profile number", width: width * 0.18 },
        { header: "Team", width: width * 0.16 },
        { header: "Consultant", width: width * 0.18 },
        { header: "CRS", width: width * 0.09, align: "right" },
        { header: "Margin", width: width * 0.09, align: "right" },
      ],
      rows: rows.slice(0, PDF_LIST_LIMIT).map((r) => ({
        cells: [pdfText(`${r.lastName}, ${r.firstName}`), r.profileNumber ?? "", pdfText(r.teamName), pdfText(r.consultantName ?? ""), String(r.crs), pdfText(formatMargin(r.margin))],
      })),
      newPage,
    });
    if (rows.length > PDF_LIST_LIMIT) {
      doc.font("Helvetica-Oblique").fontSize(8).fillColor(MUTED).text(`…and ${formatCount(rows.length - PDF_LIST_LIMIT)} more: the CSV and XLSX exports list every client.`, MARGIN, doc.y + 3, { width });
      doc.fillColor(INK);
    }
  };
  list("Newly above", impact.newlyAbove);
  list("Near misses", impact.nearMiss);
  list("Above the cut-off", impact.above);
  doc.end();
  return bytes;
}
