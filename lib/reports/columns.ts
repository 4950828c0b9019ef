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

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as a spreadsheet serial (days since 1899-12-30, the 1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;

const digitsAt = (text: string, from: number, length: number) => {
  let n = 0;
  for (let i = from; i < from + length; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
};

/**
 * A date or wall-clock time as the serial number a spreadsheet stores it as (a date cell is a
 * number with a date format): days since 1899-12-30, the time as the day's fraction. Computed
 * from the text's fields as UTC, so the cell shows exactly the calendar date or firm-zone time
 * the report means, whatever the server's zone — the same number exceljs writes for a Date whose
 * UTC fields are that wall clock, without making 500,000 Dates for a 100,000-row export.
 */
export function spreadsheetSerial(value: string, type: "date" | "datetime"): number {
  const pattern = type === "date" ? DATE : DATETIME;
  if (!pattern.test(value)) throw new RangeError(`Not a ${type}: ${value}`);
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const [hours, minutes, seconds] = type === "date" ? [0, 0, 0] : [digitsAt(value, 11, 2), digitsAt(value, 14, 2), digitsAt(value, 17, 2)];
  const ms = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  // Date.UTC rolls 2026-02-30 over to March: a field out of range is refused, as parsing it
  // would be. Only days past the 28th can fall outside their month, so only those are checked.
  const outOfRange = month < 1 || month > 12 || day < 1 || hours > 23 || minutes > 59 || seconds > 59;
  if (outOfRange || (day > 28 && new Date(ms).getUTCDate() !== day)) throw new RangeError(`Not a ${type}: ${value}`);
  return UNIX_EPOCH_SERIAL + ms / MS_PER_DAY;
}

/** "2026-01-15T09:30:00" → "2026-01-15 09:30:00": the form Excel and LibreOffice read as a date-time from CSV. */
export function csvDateTime(value: string): string {
  return value.replace("T", " ");
}
