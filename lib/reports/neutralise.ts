/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell that starts with =, +, -, @,
 * a tab or a carriage return can be read as a formula by Excel, LibreOffice or Google Sheets
 * (=HYPERLINK(...) exfiltrates data, =cmd|... ran commands in old Excel). Client names, emails and
 * notes come from people outside the firm, so every text cell of an export goes through here.
 * Numbers are never touched: a margin of -5 stays the number -5. Pure.
 */

const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** True when a spreadsheet could read this text as a formula. */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]);
}

/**
 * The text as an inert cell: a leading apostrophe when it could start a formula. Spreadsheets
 * hide the apostrophe as the "text" marker when typed, and it shows literally in a CSV read as
 * data, which is what OWASP recommends.
 */
export function neutraliseText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
