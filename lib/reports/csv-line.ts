/**
 * One CSV record (RFC 4180) from typed cells: a field is quoted when it holds a comma, a quote or
 * a line break, quotes doubled; null is an empty field; lines end with CRLF. Hand-written for
 * the 100,000-row export: csv-stringify's per-field option handling cost 35% of its time. Text
 * is expected already neutralised (neutralise.ts). Pure.
 */

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly (string | number | null)[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ",";
    line += csvField(values[i]);
  }
  return `${line}\r\n`;
}
