/**
 * Splits one line of report text into runs, each drawn with one font, in the order they are drawn
 * left to right. PDFs use Helvetica (the "base" font: it only has Windows-1252 characters) and a
 * chain of fallback font families for the rest (Vietnamese, Chinese, Arabic, Devanagari names).
 *
 * - A word goes whole to the first family that has every one of its characters, so "Nguyễn" is all
 *   Noto Sans rather than Helvetica with one Noto letter; a word no family covers is split by
 *   character. Within a family the first file with the glyph is used (fonts come split in
 *   unicode-range files). A character no font has becomes "?".
 * - Right-to-left text (Arabic) is ordered with the Unicode bidi algorithm (bidi-js): runs are
 *   reordered for display, each right-to-left run being one word that the font shaper lays out
 *   right to left (and joins) itself. Mirrored characters such as brackets are swapped.
 * Pure: the caller says which font file has which code point.
 */
import bidiFactory from "bidi-js";

export const BASE_FONT = "base";

export interface FontFamily {
  name: string;
  /** Font file keys in preference order. */
  files: string[];
}

export interface FontChain {
  /** The families after the base font, in fallback order. */
  families: FontFamily[];
  /** Whether a font file (or BASE_FONT) has a glyph for the code point. */
  has(file: string, codePoint: number): boolean;
}

export interface FontRun {
  text: string;
  /** A file key from the chain, or BASE_FONT. */
  font: string;
  rtl: boolean;
}

const bidi = bidiFactory();

function familyOf(word: string[], chain: FontChain): FontFamily | null {
  return chain.families.find((f) => word.every((ch) => f.files.some((file) => chain.has(file, ch.codePointAt(0)!)))) ?? null;
}

/** The font of each character (by index into the string's UTF-16 units, surrogate pairs share it). */
function fontsOf(text: string, chain: FontChain): string[] {
  const fonts: string[] = new Array<string>(text.length);
  let index = 0;
  for (const token of text.split(/(\s+)/)) {
    const chars = [...token];
    const whole = chars.every((ch) => chain.has(BASE_FONT, ch.codePointAt(0)!)) ? null : familyOf(chars, chain);
    for (const ch of chars) {
      const cp = ch.codePointAt(0)!;
      let font: string | undefined;
      if (chain.has(BASE_FONT, cp)) font = whole ? whole.files.find((f) => chain.has(f, cp)) : BASE_FONT;
      else {
        const family = whole ?? chain.families.find((f) => f.files.some((file) => chain.has(file, cp)));
        font = family?.files.find((file) => chain.has(file, cp));
      }
      for (let i = 0; i < ch.length; i++) fonts[index + i] = font ?? "?";
      index += ch.length;
    }
  }
  return fonts;
}

/** The runs of `text` (one line, no line breaks) in display order, left to right. */
export function fontRuns(text: string, chain: FontChain): FontRun[] {
  if (text === "") return [];
  const fonts = fontsOf(text, chain);
  const { levels } = bidi.getEmbeddingLevels(text, "ltr");
  const mirrored = bidi.getMirroredCharactersMap(text, levels);

  // Logical runs: same font, same level, and spaces on their own (a right-to-left run must be
  // one word, since the shaper only reverses within what it is given).
  const runs: (FontRun & { level: number })[] = [];
  for (let i = 0; i < text.length; i++) {
    const unknown = fonts[i] === "?";
    const ch = unknown ? (isLowSurrogate(text, i) ? "" : "?") : (mirrored.get(i) ?? text[i]);
    const font = unknown ? BASE_FONT : fonts[i];
    const space = /\s/.test(text[i]);
    const last = runs.at(-1);
    if (last && last.font === font && last.level === levels[i] && space === /^\s/.test(last.text)) last.text += ch;
    else runs.push({ text: ch, font, rtl: levels[i] % 2 === 1, level: levels[i] });
  }

  // Unicode bidi rule L2: from the highest level down to the lowest odd one, reverse every
  // sequence of runs at that level or higher.
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : Infinity)));
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i].level < level) continue;
      let end = i;
      while (end + 1 < runs.length && runs[end + 1].level >= level) end++;
      runs.splice(i, end - i + 1, ...runs.slice(i, end + 1).reverse());
      i = end;
    }
  }
  return runs.filter((r) => r.text !== "").map(({ text: t, font, rtl }) => ({ text: t, font, rtl }));
}

function isLowSurrogate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff && i > 0;
}
