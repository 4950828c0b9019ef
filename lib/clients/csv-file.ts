/** Reading a client CSV file: its records with their file lines, and the header's checks. */
import { type Options as CsvParseOptions, parse } from "csv-parse/sync";
import { CLIENT_CSV_COLUMNS, REQUIRED_CSV_COLUMNS } from "./csv-template";
import type { CsvRowError } from "./csv-import-types";

/** Header checks; a non-empty result refuses the file. */
export function headerErrors(header: string[]): CsvRowError[] {
  const errors: CsvRowError[] = [];
  const known = new Set<string>(CLIENT_CSV_COLUMNS);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) errors.push({ line: 1, column: name || "(empty)", message: `Column "${name}" appears more than once.`, kind: "invalid" });
    seen.add(name);
    if (known.has(name)) continue;
    const hint = CLIENT_CSV_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase().replace(/[\s_-]/g, ""));
    errors.push({
      line: 1,
      column: name || "(empty)",
      message: hint
        ? `Unknown column "${name}": did you mean "${hint}"? Column names are case-sensitive.`
        : `Unknown column "${name}". The template's columns are: ${CLIENT_CSV_COLUMNS.join(", ")}.`,
      kind: "invalid",
    });
  }
  for (const required of REQUIRED_CSV_COLUMNS) {
    if (!seen.has(required)) errors.push({ line: 1, column: required, message: `The required column "${required}" is missing.`, kind: "invalid" });
  }
  return errors;
}

export interface ParsedRecord {
  line: number;
  fields: string[];
}

/** CSV records with their first file line; line endings are normalised so the count is exact. */
export function parseRecords(text: string): ParsedRecord[] {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  // `lines` is the line a record ends on; a quoted field with line breaks started earlier. csv-parse's
  // types want on_record to return a string[], but any value is kept as the record.
  const toRecord = (fields: string[], context: { lines: number }): ParsedRecord => ({
    line: context.lines - fields.reduce((breaks, field) => breaks + (field.includes("\n") ? field.split("\n").length - 1 : 0), 0),
    fields,
  });
  const options = { relax_column_count: true, skip_empty_lines: true, on_record: toRecord } as unknown as CsvParseOptions;
  return parse(normalised, options) as unknown as ParsedRecord[];
}
