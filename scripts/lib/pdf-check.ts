// Test helpers for PDFs, read with pdfjs-dist (an npm package, so no system tool is needed): the
// text a reader would copy out of a PDF, and its page count.
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";

type PdfDocument = Awaited<ReturnType<typeof getDocument>["promise"]>;

async function withPdf<T>(pdf: Buffer, body: (doc: PdfDocument) => Promise<T>): Promise<T> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    // Metrics of the standard 14 fonts (Helvetica), shipped inside the package.
    standardFontDataUrl: `${path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts")}/`,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    return await body(doc);
  } finally {
    await doc.destroy();
  }
}

interface Piece {
  str: string;
  x: number;
  y: number;
  end: number;
  size: number;
}

/** Pieces on one baseline (within a third of the font size) form one line. */
function sameLine(a: Piece, b: Piece): boolean {
  return Math.abs(a.y - b.y) < Math.max(a.size, b.size) / 3;
}

function joinLine(pieces: Piece[]): string {
  let line = "";
  let previous: Piece | null = null;
  for (const piece of pieces) {
    // A gap wider than a fifth of the font size is a space (font runs of one word touch).
    if (previous && piece.x - previous.end > piece.size / 5 && !/\s$/.test(line) && !/^\s/.test(piece.str)) line += " ";
    line += piece.str;
    previous = piece;
  }
  return line;
}

/**
 * The PDF's text. With `layout` (the default) each line of the page is one line of text, read left
 * to right and top to bottom, so a table row stays on one line; without it, pieces come in the
 * order they were drawn, a new line at each change of line.
 */
export function pdfToText(pdf: Buffer, options: { layout?: boolean } = {}): Promise<string> {
  return withPdf(pdf, async (doc) => {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const pieces: Piece[] = content.items
        .filter((item): item is TextItem => "str" in item && item.str !== "")
        .map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], end: item.transform[4] + item.width, size: Math.hypot(item.transform[2], item.transform[3]) || 1 }));
      const lines: Piece[][] = [];
      if (options.layout === false) {
        for (const piece of pieces) {
          const last = lines.at(-1);
          if (last && sameLine(last[last.length - 1], piece)) last.push(piece);
          else lines.push([piece]);
        }
      } else {
        for (const piece of [...pieces].sort((a, b) => b.y - a.y)) {
          const line = lines.find((l) => sameLine(l[0], piece));
          if (line) line.push(piece);
          else lines.push([piece]);
        }
        for (const line of lines) line.sort((a, b) => a.x - b.x);
        lines.sort((a, b) => b[0].y - a[0].y);
      }
      pages.push(lines.map(joinLine).join("\n"));
      page.cleanup();
    }
    return pages.join("\n\f");
  });
}

export function pdfPageCount(pdf: Buffer): Promise<number> {
  return withPdf(pdf, async (doc) => doc.numPages);
}

/** Where test runs keep files for people to look at (git-ignored). */
export const ARTIFACTS = path.join(process.cwd(), "artifacts", "reports");
