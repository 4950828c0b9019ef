import "server-only";
import PDFDocument from "pdfkit";
import { enableFallbackFonts } from "./pdf-fallback";

/**
 * pdfkit helpers shared by the PDF reports: a page frame (header line, footer with page number)
 * and a simple table that breaks across pages. Text is set in the built-in Helvetica; characters
 * it lacks (Vietnamese, Chinese, Arabic, Devanagari names) are drawn with embedded Noto fonts
 * (pdf-fallback.ts). Black, greys and one dark accent, so a report reads the same printed in
 * black and white.
 */

export type Doc = PDFKit.PDFDocument;

export const INK = "#111111";
export const MUTED = "#555555";
export const RULE = "#999999";
export const ACCENT = "#1f3a5f";
export const SHADE = "#eeeeee";

export const MARGIN = 48;

export function createDoc(meta: { title: string; author: string; subject?: string }): Doc {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: MARGIN, bottom: MARGIN + 18, left: MARGIN, right: MARGIN },
    info: { Title: meta.title, Author: meta.author, Subject: meta.subject ?? meta.title, Creator: "DrawDesk", Producer: "DrawDesk" },
    // Fixed creation date would make files reproducible; the report's own "generated at" is what counts.
    autoFirstPage: false,
    bufferPages: false,
  });
  enableFallbackFonts(doc);
  return doc;
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Text at an absolute place without moving into a new page when near the bottom margin. */
export function place(doc: Doc, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}): void {
  const saved = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.text(text, x, y, { lineBreak: false, ...options });
  doc.page.margins.bottom = saved;
}

export interface PageFrame {
  /** Left of the footer, e.g. "Maple Route Immigration · Amara Okoye". */
  footerLeft: string;
  /** Right of the footer before the page number, e.g. the generated-at time. */
  footerRight: string;
}

/** A new page with the footer already drawn; returns the page number within the report. */
export function addPage(doc: Doc, frame: PageFrame, pageNumber: number): void {
  doc.addPage();
  const y = doc.page.height - MARGIN + 2;
  const width = contentWidth(doc);
  doc.save();
  doc.moveTo(MARGIN, y - 6).lineTo(MARGIN + width, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.font("Helvetica").fontSize(7.5).fillColor(MUTED);
  place(doc, frame.footerLeft, MARGIN, y, { width: width * 0.6, ellipsis: true });
  place(doc, `${frame.footerRight} · Page ${pageNumber}`, MARGIN + width * 0.4, y, { width: width * 0.6, align: "right" });
  doc.restore();
  doc.fillColor(INK);
  doc.x = MARGIN;
  doc.y = MARGIN;
}

export interface TableColumn {
  header: string;
  width: number;
  align?: "left" | "right";
}

export interface TableOptions {
  columns: TableColumn[];
  rows: { cells: string[]; bold?: boolean; shaded?: boolean; indent?: number }[];
  fontSize?: number;
  /** Called for a new page when the table does not fit; draws nothing else. */
  newPage: () => void;
}

/** A ruled table starting at doc.y; the header repeats on every page it spans. Leaves doc.y below it. */
export function drawTable(doc: Doc, options: TableOptions): void {
  const size = options.fontSize ?? 8.5;
  const padX = 4;
  const padY = 3;
  const x0 = MARGIN;
  const total = options.columns.reduce((sum, c) => sum + c.width, 0);
  const header = () => {
    const y = doc.y;
    doc.font("Helvetica-Bold").fontSize(size).fillColor(INK);
    const height = Math.max(...options.columns.map((c) => doc.heightOfString(c.header, { width: c.width - 2 * padX }))) + 2 * padY;
    doc.rect(x0, y, total, height).fill(SHADE);
    doc.fillColor(INK);
    let x = x0;
    for (const c of options.columns) {
      doc.text(c.header, x + padX, y + padY, { width: c.width - 2 * padX, align: c.align ?? "left" });
      x += c.width;
    }
    doc.moveTo(x0, y + height).lineTo(x0 + total, y + height).lineWidth(0.75).strokeColor(INK).stroke();
    doc.y = y + height;
  };
  header();
  for (const row of options.rows) {
    doc.font(row.bold ? "Helvetica-Bold" : "Helvetica").fontSize(size);
    const height =
      Math.max(...options.columns.map((c, i) => doc.heightOfString(row.cells[i] ?? "", { width: c.width - 2 * padX - (i === 0 ? (row.indent ?? 0) : 0) }))) + 2 * padY;
    if (doc.y + height > bottom(doc)) {
      options.newPage();
      header();
      doc.font(row.bold ? "Helvetica-Bold" : "Helvetica").fontSize(size);
    }
    const y = doc.y;
    if (row.shaded) {
      doc.rect(x0, y, total, height).fill(SHADE);
      doc.fillColor(INK);
    }
    let x = x0;
    options.columns.forEach((c, i) => {
      const indent = i === 0 ? (row.indent ?? 0) : 0;
      doc.text(row.cells[i] ?? "", x + padX + indent, y + padY, { width: c.width - 2 * padX - indent, align: c.align ?? "left" });
      x += c.width;
    });
    doc.moveTo(x0, y + height).lineTo(x0 + total, y + height).lineWidth(0.25).strokeColor(RULE).stroke();
    doc.y = y + height;
  }
  doc.x = MARGIN;
}

/** A section heading; starts a new page when fewer than `keep` points remain. */
export function heading(doc: Doc, text: string, keep: number, newPage: () => void): void {
  if (doc.y + keep > bottom(doc)) newPage();
  doc.moveDown(0.6);
  doc.font("Helvetica-Bold").fontSize(11).fillColor(ACCENT).text(text, MARGIN, doc.y);
  doc.moveDown(0.25);
  doc.fillColor(INK);
}

/** The document's bytes once it is ended. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}
