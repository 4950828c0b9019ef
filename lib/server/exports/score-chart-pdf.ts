import "server-only";
import type { ScoreChart } from "@/lib/reports/client-report";
import { type Doc, INK, MUTED, RULE } from "./pdf";

/**
 * The client's CRS beside each recent cut-off, as horizontal bar pairs drawn with vector
 * primitives. Readable in black and white: the cut-off bar is hatched, the client's bar solid,
 * each bar carries its number and each pair its margin in words and figures, and a legend names
 * both patterns. Returns the height used.
 */

const LABEL_WIDTH = 118;
const MARGIN_WIDTH = 70;
const BAR = 8;
const GAP = 1;
const ROW = 2 * BAR + GAP + 8;
const FRAME = 56;

function hatched(doc: Doc, x: number, y: number, width: number, height: number): void {
  doc.save();
  doc.rect(x, y, width, height).clip();
  doc.lineWidth(0.6).strokeColor(INK);
  for (let i = -height; i < width; i += 4) doc.moveTo(x + i, y + height).lineTo(x + i + height, y).stroke();
  doc.restore();
  doc.rect(x, y, width, height).lineWidth(0.6).strokeColor(INK).stroke();
}

function solid(doc: Doc, x: number, y: number, width: number, height: number): void {
  doc.rect(x, y, width, height).fill(INK);
}

export function scoreChartHeight(chart: ScoreChart): number {
  return chart.rows.length === 0 ? 30 : FRAME + chart.rows.length * ROW;
}

/** How many of the chart's rows fit in `height` points. */
export function scoreChartRowsFitting(height: number): number {
  return Math.max(0, Math.floor((height - FRAME) / ROW));
}

export function drawScoreChart(doc: Doc, chart: ScoreChart, x: number, y: number, width: number): number {
  doc.font("Helvetica").fontSize(8).fillColor(INK);
  if (chart.rows.length === 0) {
    doc.fillColor(MUTED).text("No draw of the client's kinds in the ledger yet.", x, y, { width });
    doc.fillColor(INK);
    return 30;
  }
  // Legend.
  hatched(doc, x, y + 1, 16, 7);
  doc.fillColor(INK).text("Cut-off (lowest CRS invited)", x + 20, y, { lineBreak: false });
  solid(doc, x + 160, y + 1, 16, 7);
  doc.fillColor(INK).text("Client's CRS at the draw", x + 180, y, { lineBreak: false });

  const plotX = x + LABEL_WIDTH;
  const plotWidth = width - LABEL_WIDTH - MARGIN_WIDTH;
  const top = y + 16;
  const height = chart.rows.length * ROW;
  const scale = (v: number) => plotX + ((Math.min(Math.max(v, chart.min), chart.max) - chart.min) / (chart.max - chart.min)) * plotWidth;

  // Grid and axis.
  doc.lineWidth(0.3).strokeColor(RULE);
  for (const t of chart.ticks) doc.moveTo(scale(t), top).lineTo(scale(t), top + height).dash(1.5, { space: 1.5 }).stroke().undash();
  doc.moveTo(plotX, top + height).lineTo(plotX + plotWidth, top + height).lineWidth(0.6).strokeColor(INK).stroke();
  doc.moveTo(plotX, top).lineTo(plotX, top + height).lineWidth(0.6).strokeColor(INK).stroke();
  doc.font("Helvetica").fontSize(7).fillColor(MUTED);
  for (const t of chart.ticks) doc.text(String(t), scale(t) - 15, top + height + 3, { width: 30, align: "center", lineBreak: false });
  doc.text(`CRS points (the scale starts at ${chart.min})`, plotX, top + height + 13, { width: plotWidth, align: "center", lineBreak: false });
  doc.font("Helvetica-Bold").fontSize(7.5).fillColor(INK).text("Margin", plotX + plotWidth + 8, y, { width: MARGIN_WIDTH - 8, lineBreak: false });

  chart.rows.forEach((row, i) => {
    const ry = top + 4 + i * ROW;
    doc.font("Helvetica-Bold").fontSize(8).fillColor(INK).text(row.label, x, ry, { width: LABEL_WIDTH - 6, lineBreak: false });
    doc.font("Helvetica").fontSize(7).fillColor(MUTED).text(row.sublabel, x, ry + 10, { width: LABEL_WIDTH - 6, lineBreak: false });

    const cutEnd = scale(row.cutoff);
    hatched(doc, plotX, ry, Math.max(cutEnd - plotX, 1), BAR);
    doc.font("Helvetica").fontSize(7.5).fillColor(INK).text(String(row.cutoff), cutEnd + 3, ry + 1, { lineBreak: false });

    const by = ry + BAR + GAP;
    if (row.crs == null) {
      doc.fillColor(MUTED).text("no score recorded then", plotX + 3, by + 1, { lineBreak: false });
    } else {
      const crsEnd = scale(row.crs);
      solid(doc, plotX, by, Math.max(crsEnd - plotX, 1), BAR);
      doc.font("Helvetica-Bold").fontSize(7.5).fillColor(INK).text(String(row.crs), crsEnd + 3, by + 1, { lineBreak: false });
    }
    doc.font("Helvetica-Bold").fontSize(9).fillColor(INK).text(row.marginText, plotX + plotWidth + 8, ry + 5, { width: MARGIN_WIDTH - 8, lineBreak: false });
  });
  doc.fillColor(INK);
  return scoreChartHeight(chart);
}
