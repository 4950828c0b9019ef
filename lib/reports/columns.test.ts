import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { csvDateTime, spreadsheetSerial, widthFor } from "./columns";

/** exceljs' own conversion of a Date cell, as the oracle: a date written as a number must be the number exceljs would write. */
const ExcelUtils = createRequire(import.meta.url)("exceljs/lib/utils/utils") as { dateToExcel(date: Date, date1904: boolean): number };

describe("spreadsheet dates", () => {
  it("is the serial number spreadsheets store: days since 1899-12-30, the time as a fraction", () => {
    expect(spreadsheetSerial("1970-01-01", "date")).toBe(25569);
    expect(spreadsheetSerial("2026-07-01", "date")).toBe(46204);
    expect(spreadsheetSerial("2026-07-01T12:00:00", "datetime")).toBe(46204.5);
  });

  it("keeps the calendar date and the wall clock whatever the server's zone: the number exceljs writes for that UTC wall clock", () => {
    for (const [value, type] of [["2026-07-01", "date"], ["2024-02-29", "date"], ["2026-01-15T09:30:05", "datetime"], ["2026-12-31T23:59:59", "datetime"]] as const) {
      const iso = type === "date" ? `${value}T00:00:00Z` : `${value}Z`;
      expect(spreadsheetSerial(value, type)).toBe(ExcelUtils.dateToExcel(new Date(iso), false));
    }
  });

  it("refuses what is not a date or a wall-clock time", () => {
    for (const [value, type] of [["2026-7-1", "date"], ["2026-01-15", "datetime"], ["2026-02-30", "date"], ["2025-02-29", "date"], ["2026-13-01", "date"], ["2026-04-31", "date"], ["2026-00-10", "date"], ["2026-01-15T24:00:00", "datetime"], ["2026-01-15T10:60:00", "datetime"]] as const) {
      expect(() => spreadsheetSerial(value, type), value).toThrow(RangeError);
    }
  });

  it("writes times the way spreadsheets read them from CSV", () => {
    expect(csvDateTime("2026-01-15T09:30:05")).toBe("2026-01-15 09:30:05");
  });

  it("sizes columns to the header, within bounds", () => {
    expect(widthFor("CRS", 6)).toBe(6);
    expect(widthFor("Margin: Senior managers #400 (cut-off 400)", 10)).toBe(44);
    expect(widthFor("x".repeat(100), 10)).toBe(60);
  });
});
