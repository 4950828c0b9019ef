/**
 * Text for PDFs drawn with the standard Helvetica font, which only has the Windows-1252
 * ("WinAnsi") characters: anything else comes out as garbage glyphs. This maps what the reports
 * use (the true minus sign of margins, arrows) to its nearest WinAnsi form, strips accents that
 * WinAnsi lacks (Nguyễn → Nguyen) and shows any other character as "?". Pure.
 */

const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACEMENTS: Record<string, string> = { "−": "-", "→": "->", "←": "<-", "≥": ">=", "≤": "<=", "\u00a0": " ", "\u2009": " ", "\u202f": " " };

function representable(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRA.has(ch);
}

export function pdfText(text: string): string {
  let out = "";
  for (const ch of text) {
    if (representable(ch)) out += ch;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else {
      // Composed into Latin-1 if possible (e + ◌́ → é), else stripped of its marks (ễ → e).
      const composed = ch.normalize("NFC");
      if ([...composed].every(representable)) out += composed;
      else {
        const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
        out += base && [...base].every(representable) ? base : "?";
      }
    }
  }
  return out;
}

/** Every string inside a plain value (a report's view model) passed through pdfText. */
export function pdfTextDeep<T>(value: T): T {
  if (typeof value === "string") return pdfText(value) as T;
  if (Array.isArray(value)) return value.map((v) => pdfTextDeep(v)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pdfTextDeep(v)])) as T;
  return value;
}
