import "server-only";
import type { ClientReport } from "@/lib/reports/client-report";
import { pdfTextDeep } from "@/lib/reports/pdf-text";
import { ACCENT, addPage, bottom, contentWidth, type Doc, drawTable, heading, INK, MARGIN, MUTED, RULE } from "./pdf";
import { drawScoreChart, scoreChartHeight, scoreChartRowsFitting } from "./score-chart-pdf";

/**
 * One client status report, two Letter pages as a rule: page 1 answers "where does this client
 * stand" (who, profile facts, CRS, deadlines, the score against recent cut-offs), page 2 holds the
 * CRS line by line and each recent draw's result. Appends its pages to `doc`, so a combined batch
 * is the same pages one client after another.
 */

function facts(doc: Doc, items: [string, string][], x: number, y: number, width: number): number {
  const labelWidth = Math.min(112, width * 0.42);
  let cy = y;
  for (const [label, value] of items) {
    doc.font("Helvetica").fontSize(8).fillColor(MUTED);
    const h1 = doc.heightOfString(label, { width: labelWidth - 6 });
    doc.text(label, x, cy, { width: labelWidth - 6 });
    doc.font("Helvetica").fontSize(8.5).fillColor(INK);
    const h2 = doc.heightOfString(value, { width: width - labelWidth });
    doc.text(value, x + labelWidth, cy - 0.5, { width: width - labelWidth });
    cy += Math.max(h1, h2) + 2.5;
  }
  return cy;
}

/** The firm's logo (PNG/JPEG, checked on upload) fitted into the letterhead; returns the width used. */
function drawLogo(doc: Doc, bytes: Uint8Array, x: number, y: number): number {
  const box = 32;
  doc.image(Buffer.from(bytes), x, y, { fit: [box * 3, box], valign: "center" });
  return box * 3 + 6;
}

export function renderClientReport(doc: Doc, raw: ClientReport): void {
  // The logo's bytes stay out of the text clean-up.
  const { logo, ...text } = raw;
  const report = pdfTextDeep(text);
  let page = 0;
  const newPage = () => addPage(doc, { footerLeft: `${report.firmName} · ${report.clientName} · Client status report`, footerRight: report.generatedLine }, ++page);
  newPage();
  const width = contentWidth(doc);

  // Letterhead: firm name in a dark band (prints as dark grey with white type).
  doc.rect(MARGIN, MARGIN, width, 40).fill(ACCENT);
  const logoWidth = logo ? drawLogo(doc, logo.bytes, MARGIN + 6, MARGIN + 4) : 0;
  doc.font("Helvetica-Bold").fontSize(15).fillColor("#ffffff").text(report.firmName, MARGIN + 12 + logoWidth, MARGIN + 13, { width: width * 0.62 - logoWidth, lineBreak: false, ellipsis: true });
  doc.font("Helvetica-Bold").fontSize(11).text(report.title, MARGIN, MARGIN + 8, { width: width - 12, align: "right", lineBreak: false });
  doc.font("Helvetica").fontSize(8).text(`Generated ${report.generatedAt}`, MARGIN, MARGIN + 26, { width: width - 12, align: "right", lineBreak: false });

  doc.fillColor(INK).font("Helvetica-Bold").fontSize(19).text(report.clientName, MARGIN, MARGIN + 54, { width });
  doc.font("Helvetica").fontSize(9.5).fillColor(MUTED).text(report.subtitle, MARGIN, doc.y + 1, { width });
  const top = doc.y + 10;
  doc.moveTo(MARGIN, top - 4).lineTo(MARGIN + width, top - 4).lineWidth(0.5).strokeColor(RULE).stroke();

  // Two columns: profile facts, then consultant and the CRS.
  const leftWidth = width * 0.56;
  const rightX = MARGIN + leftWidth + 16;
  const rightWidth = width - leftWidth - 16;
  doc.font("Helvetica-Bold").fontSize(10).fillColor(ACCENT).text("Profile", MARGIN, top);
  const leftEnd = facts(doc, report.profile, MARGIN, top + 15, leftWidth);
  doc.font("Helvetica-Bold").fontSize(10).fillColor(ACCENT).text("Consultant", rightX, top);
  let rightEnd = facts(doc, report.consultant, rightX, top + 15, rightWidth);

  rightEnd += 6;
  doc.rect(rightX, rightEnd, rightWidth, 54).lineWidth(0.75).strokeColor(INK).stroke();
  doc.font("Helvetica").fontSize(8).fillColor(MUTED).text("CRS score", rightX + 8, rightEnd + 6);
  doc.font("Helvetica-Bold").fontSize(22).fillColor(INK).text(report.crs.total, rightX + 8, rightEnd + 17, { width: 70, lineBreak: false });
  doc.font("Helvetica").fontSize(7).fillColor(MUTED).text(report.crs.note, rightX + 76, rightEnd + 8, { width: rightWidth - 84, height: 44, ellipsis: true });
  rightEnd += 54;
  doc.fillColor(INK);
  doc.x = MARGIN;
  doc.y = Math.max(leftEnd, rightEnd) + 4;

  heading(doc, "Deadlines", 60, newPage);
  if (report.deadlines.length === 0) {
    doc.font("Helvetica").fontSize(8.5).fillColor(MUTED).text("No dates recorded.", MARGIN, doc.y);
    doc.fillColor(INK);
  } else {
    drawTable(doc, {
      columns: [
        { header: "Item", width: width * 0.4 },
        { header: "Valid until", width: width * 0.18 },
        { header: "Time left", width: width * 0.2 },
        { header: "Status", width: width * 0.22 },
      ],
      rows: report.deadlines.map((d) => ({ cells: [d.item, d.dueOn, d.daysLeft, d.status], bold: d.status === "Overdue" })),
      newPage,
    });
  }

  // The chart stays on page 1 with as many of the newest draws as fit (at least four); page 2's
  // table lists them all.
  const room = scoreChartRowsFitting(bottom(doc) - doc.y - 40);
  const chart = room >= Math.min(4, report.chart.rows.length) ? { ...report.chart, rows: report.chart.rows.slice(0, room) } : report.chart;
  heading(doc, "CRS against recent cut-offs of the client's draw kinds", scoreChartHeight(chart) + 40, newPage);
  doc.font("Helvetica").fontSize(7.5).fillColor(MUTED).text("The client's CRS as of each draw's time (from the score history); margin = CRS minus the cut-off. Newest draw at the top.", MARGIN, doc.y, { width });
  doc.y += drawScoreChart(doc, chart, MARGIN, doc.y + 6, width) + 6;
  doc.fillColor(INK);

  if (page === 1) newPage();
  heading(doc, "CRS breakdown", 60, newPage);
  if (!report.breakdown) {
    doc.font("Helvetica").fontSize(8.5).text(`No factor breakdown: ${report.crs.note}`, MARGIN, doc.y, { width });
  } else {
    drawTable(doc, {
      columns: [
        { header: "Factor", width: width * 0.7 },
        { header: "Points", width: width * 0.15, align: "right" },
        { header: "Max", width: width * 0.15, align: "right" },
      ],
      rows: [
        ...report.breakdown.sections.flatMap((s) => [
          { cells: [s.label, String(s.points), ""], bold: true, shaded: true },
          ...s.lines.map((l) => ({ cells: [l.label, l.points, l.max], indent: 12 })),
        ]),
        { cells: ["Total", String(report.breakdown.total), "1,200"], bold: true },
      ],
      newPage,
    });
  }

  heading(doc, "Recent draws of the client's kinds", 60, newPage);
  if (report.draws.length === 0) {
    doc.font("Helvetica").fontSize(8.5).fillColor(MUTED).text("No draw of the client's kinds in the ledger yet.", MARGIN, doc.y);
    doc.fillColor(INK);
  } else {
    drawTable(doc, {
      columns: [
        { header: "Draw", width: width * 0.09 },
        { header: "Date", width: width * 0.13 },
        { header: "Kind", width: width * 0.13 },
        { header: "Cut-off", width: width * 0.09, align: "right" },
        { header: "CRS then", width: width * 0.1, align: "right" },
        { header: "Margin", width: width * 0.09, align: "right" },
        { header: "Result", width: width * 0.37 },
      ],
      rows: report.draws.map((d) => ({ cells: [d.draw, d.date, d.kind, d.cutoff, d.crs, d.margin, d.result] })),
      newPage,
    });
  }
  doc.moveDown(1);
  doc.font("Helvetica-Oblique").fontSize(7.5).fillColor(MUTED).text(report.disclaimer, MARGIN, doc.y, { width });
  doc.fillColor(INK);
}
