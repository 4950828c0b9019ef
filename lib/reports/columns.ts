/**
 * A report's columns as data, shared by the CSV and XLSX writers so both files carry the same
 * columns in the same order with the same values. Each value is typed: text, a whole number, a
 * calendar date ("YYYY-MM-DD") or a wall-clock time in the firm's zone ("YYYY-MM-DDTHH:mm:ss").
 * The writers decide the representation (CSV text, XLSX number/date cells). Pure.
 */

export type CellType = "text" | "number" | "date" | "datetime";

export type CellValue = string | number | null;

export interface ReportColumn<Row> {
  /** Stable id (tests and the XLSX column key). */
  key: string;
  header: string;
  type: CellType;
  /** XLSX column width in characters. */
  width: number;
  value: (row: Row) => CellValue;
}

/** Width that fits the header and typical values, within Excel's comfortable range. */
export function widthFor(header: string, typical: number): number {
  return Math.min(60, Math.max(typical, header.length + 2, 6));
}

export function column<Row>(key: string, header: string, type: CellType, typical: number, value: (row: Row) => CellValue): ReportColumn<Row> {
  return { key, header, type, width: widthFor(header, typical), value };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/**
 * A date or wall-clock time as the Date whose UTC fields are that wall clock: spreadsheets store
 * dates without a zone, and exceljs writes a Date's UTC fields, so the cell shows exactly the
 * calendar date or firm-zone time the report means, whatever the server's zone.
 */
export function spreadsheetDate(value: string, type: "date" | "datetime"): Date {
  const pattern = type === "date" ? DATE : DATETIME;
  if (!pattern.test(value)) throw new RangeError(`Not a ${type}: ${value}`);
  return new Date(type === "date" ? `${value}T00:00:00Z` : `${value}Z`);
}

/** "2026-01-15T09:30:00" → "2026-01-15 09:30:00": the form Excel and LibreOffice read as a date-time from CSV. */
export function csvDateTime(value: string): string {
  return value.replace("T", " ");
}
