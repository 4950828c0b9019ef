import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { BASE_FONT, type FontChain, type FontFamily } from "@/lib/reports/pdf-runs";
import { inWinAnsi } from "@/lib/reports/pdf-text";

/**
 * The fallback fonts of the PDF reports, from @fontsource npm packages (Noto, SIL Open Font
 * License): Noto Sans (Latin extended with Vietnamese, Greek, Cyrillic, Devanagari), Noto Sans
 * Arabic, Noto Sans SC (Chinese). Fontsource splits each font into unicode-range files; the
 * package's unicode.json says which file may hold a code point and fontkit's
 * hasGlyphForCodePoint confirms it. Files are WOFF (pdfkit embeds WOFF; it subsets each font to
 * the glyphs used, so a Chinese name adds a few kilobytes, not the 1.5 MB file).
 */

interface FontFile {
  path: string;
  /** Inclusive code point ranges from unicode.json; none = ask the font. */
  ranges: [number, number][] | null;
}

/** Read from the app's node_modules at run time, so the bundler neither moves nor inlines font files. */
function packageDir(name: string): string {
  return path.join(process.cwd(), "node_modules", name);
}

function parseRanges(spec: string): [number, number][] {
  return spec.split(",").map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
  });
}

/** One family at one weight: its subsets in the order given, then any other numbered subset. */
function family(name: string, pkg: string, prefix: string, subsets: string[], weight: 400 | 700, extraNumbered = false): { family: FontFamily; files: Map<string, FontFile> } {
  const dir = packageDir(pkg);
  const unicode = JSON.parse(readFileSync(path.join(dir, "unicode.json"), "utf8")) as Record<string, string>;
  const keys = [...subsets, ...(extraNumbered ? Object.keys(unicode).filter((k) => /^\[\d+\]$/.test(k)) : [])];
  const files = new Map<string, FontFile>();
  for (const key of keys) {
    const subset = key.replace(/^\[|\]$/g, "");
    const file = path.join(dir, "files", `${prefix}-${subset}-${weight}-normal.woff`);
    files.set(file, { path: file, ranges: unicode[key] ? parseRanges(unicode[key]) : null });
  }
  return { family: { name, files: [...files.keys()] }, files };
}

const loaded = new Map<string, fontkit.Font>();

function fontAt(file: string): fontkit.Font {
  let font = loaded.get(file);
  if (!font) {
    font = fontkit.create(readFileSync(file)) as fontkit.Font;
    loaded.set(file, font);
  }
  return font;
}

function buildChain(weight: 400 | 700): FontChain {
  const parts = [
    family("Noto Sans", "@fontsource/noto-sans", "noto-sans", ["latin", "latin-ext", "vietnamese", "greek", "greek-ext", "cyrillic", "cyrillic-ext", "devanagari"], weight),
    family("Noto Sans Arabic", "@fontsource/noto-sans-arabic", "noto-sans-arabic", ["arabic"], weight),
    // The chinese-simplified file holds the common characters (most names); the numbered
    // unicode-range files hold the rest.
    family("Noto Sans SC", "@fontsource/noto-sans-sc", "noto-sans-sc", ["chinese-simplified"], weight, true),
  ];
  const files = new Map(parts.flatMap((p) => [...p.files]));
  return {
    families: parts.map((p) => p.family),
    has(file, codePoint) {
      if (file === BASE_FONT) return inWinAnsi(String.fromCodePoint(codePoint));
      const entry = files.get(file);
      if (!entry) return false;
      if (entry.ranges && !entry.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi)) return false;
      return fontAt(file).hasGlyphForCodePoint(codePoint);
    },
  };
}

const chains = new Map<number, FontChain>();

/** The fallback chain for regular (400) or bold (700) text; built once per process. */
export function fontChain(bold: boolean): FontChain {
  const weight = bold ? 700 : 400;
  let chain = chains.get(weight);
  if (!chain) {
    chain = buildChain(weight);
    chains.set(weight, chain);
  }
  return chain;
}
