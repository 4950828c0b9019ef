/**
 * Text for the PDF reports. Helvetica, their main font, only has the Windows-1252 ("WinAnsi")
 * characters; other characters are drawn with embedded fallback fonts (lib/server/exports/
 * pdf-fonts.ts, split into runs by pdf-runs.ts). This keeps the look of the symbols the reports
 * use in Helvetica (the true minus sign of margins, arrows, thin spaces) by mapping them to their
 * WinAnsi form, and composes decomposed accents (e + ◌́ → é) so a name needs no combining marks.
 * Pure.
 */

const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACEMENTS: Record<string, string> = { "−": "-", "→": "->", "←": "<-", "≥": ">=", "≤": "<=", "\u00a0": " ", "\u2009": " ", "\u202f": " " };

/** Whether Helvetica (WinAnsi encoding) can draw the character. */
export function inWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRA.has(ch);
}

export function pdfText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += REPLACEMENTS[ch] ?? ch;
  return out;
}

/** Every string inside a plain value (a report's view model) passed through pdfText. */
export function pdfTextDeep<T>(value: T): T {
  if (typeof value === "string") return pdfText(value) as T;
  if (Array.isArray(value)) return value.map((v) => pdfTextDeep(v)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pdfTextDeep(v)])) as T;
  return value;
}
