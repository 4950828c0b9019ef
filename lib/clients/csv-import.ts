/**
 * The client CSV import's first step, pure: parse the file and check every row against the
 * shared client schema (lib/clients/schema.ts) and the firm's teams, consultants and categories,
 * reporting every problem of every row with its file line and column. Nothing here touches the
 * database or the clock (except `now` as a fallback, see CsvValidationContext).
 *
 * Decisions (documented in the README's import section):
 * - A file missing a required column (firstName, lastName, team), with an unknown or repeated
 *   column, or that is not readable CSV, is refused as a whole: only those errors are reported.
 * - crs is required unless the status is prospect (a prospect may have no score yet).
 * - status accepts the codes (profile_active) and, case-insensitively, the labels ("ITA received")
 *   and codes written with spaces ("profile active").
 * - A profileExpiresAt equal to the 12-month default is not recorded as an override.
 * - Duplicates within the file (same profile number, or same email ignoring case) are errors of
 *   the later row that name the earlier line.
 * - Line numbers are file lines: the header is line 1; a quoted field spanning lines counts each.
 */
import { CLIENT_CSV_COLUMNS, type ClientCsvColumn } from "./csv-template";
import type { CsvDuplicate, CsvRowError, CsvValidation, CsvValidationContext } from "./csv-import-types";
import { type ParsedRecord, headerErrors, parseRecords } from "./csv-file";
import { type RowContext, validateRow } from "./csv-row";

export type { CsvClientRow, CsvDuplicate, CsvErrorKind, CsvRowError, CsvValidation, CsvValidationContext } from "./csv-import-types";
export { IMPORT_SCORE_SOURCE } from "./csv-row";

/** Errors of a row are listed in the file's column order, whole-row problems first. */
const COLUMN_ORDER: string[] = ["(row)", ...CLIENT_CSV_COLUMNS];

/** Rows checked between two progress reports (and, in the async form, two yields to the event loop). */
const BATCH = 2_000;

/**
 * The check as a generator: yields [rows done, rows in total] after each batch and returns the
 * result, so the synchronous and the asynchronous forms share one implementation.
 */
function* validationSteps(text: string, context: CsvValidationContext): Generator<[number, number], CsvValidation> {
  let records: ParsedRecord[];
  try {
    records = parseRecords(text);
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return { total: 0, rows: [], duplicates: [], keys: [], errors: [{ line: e.lines ?? 1, column: "(file)", message: `The file is not readable CSV: ${e.message ?? "unknown error"}`, kind: "invalid" }] };
  }
  if (records.length === 0) return { total: 0, rows: [], duplicates: [], keys: [], errors: [{ line: 1, column: "(file)", message: "The file is empty: it needs the header line and at least one client.", kind: "invalid" }] };

  const header = records[0].fields.map((name) => name.trim());
  const dataRecords = records.slice(1).filter((r) => r.fields.some((f) => f.trim() !== ""));
  const refused = headerErrors(header);
  if (refused.length) return { total: dataRecords.length, rows: [], duplicates: [], keys: [], errors: refused };

  const index = new Map(header.map((name, i) => [name as ClientCsvColumn, i]));
  const rowContext: RowContext = {
    ...context,
    categories: new Set(context.knownCategories),
    teamList: [...(context.teamNames ?? context.teamsByName.keys())].join(", ") || "none",
  };
  const rows: CsvValidation["rows"] = [];
  const errors: CsvRowError[] = [];
  const duplicates: CsvDuplicate[] = [];
  const keys: CsvValidation["keys"] = [];
  const firstLineOf = { profileNumber: new Map<string, number>(), email: new Map<string, number>() };

  // The file is read: from here on the progress bar knows the total.
  yield [0, dataRecords.length];
  for (const [n, { line, fields }] of dataRecords.entries()) {
    if (n > 0 && n % BATCH === 0) yield [n, dataRecords.length];
    const get = (column: ClientCsvColumn) => {
      const i = index.get(column);
      return i === undefined ? "" : (fields[i] ?? "").trim();
    };
    const rowErrors: CsvRowError[] = [];
    if (fields.length !== header.length) {
      rowErrors.push({ line, column: "(row)", message: `This row has ${fields.length} fields; the header has ${header.length}.`, kind: "invalid" });
    }
    // PostgreSQL cannot store a NUL in text: without this the row would pass and the insert fail.
    fields.forEach((field, i) => {
      if (field.includes("\u0000")) {
        rowErrors.push({ line, column: header[i] || "(row)", message: "This cell holds a NUL character (a zero byte), which cannot be stored: save the file again as CSV text.", kind: "invalid" });
      }
    });
    const input = validateRow(get, line, rowContext, rowErrors);
    const rowKeys = { profileNumber: get("profileNumber").toUpperCase(), email: get("email").toLowerCase() };
    // A key with a NUL (already this row's error) cannot be looked up in PostgreSQL either.
    const key = (value: string) => (value === "" || value.includes("\u0000") ? null : value);
    keys.push({ line, profileNumber: key(rowKeys.profileNumber), email: key(rowKeys.email) });
    for (const field of ["profileNumber", "email"] as const) {
      const key = rowKeys[field];
      if (key === "") continue;
      const earlier = firstLineOf[field].get(key);
      if (earlier === undefined) firstLineOf[field].set(key, line);
      else {
        const what = field === "profileNumber" ? "profile number" : "email";
        rowErrors.push({ line, column: field, message: `Same ${what} as line ${earlier}.`, kind: "duplicate" });
        duplicates.push({ line, field, duplicateOfLine: earlier });
      }
    }
    rowErrors.sort((a, b) => COLUMN_ORDER.indexOf(a.column) - COLUMN_ORDER.indexOf(b.column));
    errors.push(...rowErrors);
    if (input && rowErrors.length === 0) rows.push({ line, input });
  }
  yield [dataRecords.length, dataRecords.length];
  return { total: dataRecords.length, rows, errors, duplicates, keys };
}

/** Checks a whole client CSV; see the file comment for the rules. */
export function validateClientCsv(text: string, context: CsvValidationContext): CsvValidation {
  const steps = validationSteps(text, context);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same check, giving the event loop back every 2,000 rows so a server stays responsive while a
 * 100,000-row file is checked (seconds of work), and reporting progress as it goes.
 */
export async function validateClientCsvAsync(
  text: string,
  context: CsvValidationContext,
  onProgress?: (done: number, total: number) => void,
): Promise<CsvValidation> {
  const steps = validationSteps(text, context);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(...step.value);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
