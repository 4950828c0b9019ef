import "server-only";
import { BASE_FONT, fontRuns, type FontRun } from "@/lib/reports/pdf-runs";
import { inWinAnsi } from "@/lib/reports/pdf-text";
import { fontChain } from "./pdf-fonts";

/**
 * Lets every doc.text() of a report draw names in any script while the reports keep Helvetica.
 * pdfkit measures words with widthOfString and draws each wrapped, aligned line with _fragment;
 * both are wrapped here: a line with characters Helvetica lacks is split into font runs
 * (pdf-runs.ts), measured as the sum of its runs, and drawn run by run on Helvetica's baseline.
 * Wrapping, alignment, ellipsis and line height stay pdfkit's own. Plain WinAnsi text and text
 * already in an embedded font go straight through. pdfkit has no public hook for this; the two
 * methods are its documented-in-source internals of 0.20.
 */

type Options = Record<string, unknown> & { width?: number; align?: string; lineWidth?: number; textWidth?: number };

interface Internals {
  _font: { name: string; ascender: number };
  _fontSize: number;
  _fragment(text: string, x: number, y: number, options: Options): void;
  widthOfString(text: string, options?: Options): number;
  font(src: string): unknown;
  markContent(tag: string, options: { actual: string }): unknown;
  endMarkedContent(): unknown;
}

const STANDARD = /^Helvetica/;

/**
 * Noto's glyph composition (ccmp) splits some letters into a base and a mark glyph (Vietnamese ị,
 * Arabic dotted letters); pdfkit maps the extra glyph to no character, which readers extract as
 * a stray control character. The precomposed glyphs look the same and copy cleanly.
 */
const RUN_FEATURES = { ccmp: false };

function runMeasure(run: FontRun, options: Options): Options {
  return run.font === BASE_FONT ? options : { ...options, features: RUN_FEATURES };
}

export function enableFallbackFonts(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as Internals;
  const fragment = d._fragment.bind(d);
  const width = d.widthOfString.bind(d);

  const split = (text: string) => {
    const base = d._font;
    if (!STANDARD.test(base.name) || [...text].every(inWinAnsi)) return null;
    return { base, runs: fontRuns(text, fontChain(/Bold/.test(base.name))) };
  };
  const inFont = <T>(run: FontRun, body: () => T): T => {
    if (run.font === BASE_FONT) return body();
    const saved = d._font;
    d.font(run.font);
    try {
      return body();
    } finally {
      d._font = saved;
    }
  };

  d.widthOfString = (text, options = {}) => {
    const line = split(text);
    if (!line) return width(text, options);
    return line.runs.reduce((sum, run) => sum + inFont(run, () => width(run.text, runMeasure(run, options))), 0);
  };

  d._fragment = (text, x, y, options) => {
    const clean = `${text}`.replace(/\n/g, "");
    const line = split(clean);
    if (!line) return fragment(text, x, y, options);
    let cx = x;
    if (options.width && options.align === "right") cx += (options.lineWidth ?? 0) - d.widthOfString(clean.replace(/\s+$/, ""), options);
    if (options.width && options.align === "center") cx += (options.lineWidth ?? 0) / 2 - (options.textWidth ?? 0) / 2;
    // Every run sits on Helvetica's baseline, whatever its own font's ascent.
    const baseline = y + (line.base.ascender / 1000) * d._fontSize;
    const runOptions: Options = { ...options, align: "left", width: undefined, textWidth: undefined, wordCount: undefined, baseline: "alphabetic" };
    for (const run of line.runs) {
      inFont(run, () => {
        if (run.font !== BASE_FONT) d.markContent("Span", { actual: run.text });
        fragment(run.text, cx, baseline, runMeasure(run, runOptions));
        if (run.font !== BASE_FONT) d.endMarkedContent();
        cx += width(run.text, runMeasure(run, options));
      });
    }
  };
}
