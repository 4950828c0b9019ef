import { describe, expect, it } from "vitest";
import { csvDateTime, spreadsheetDate, widthFor } from "./columns";

describe("spreadsheet dates", () => {
  it("keeps the calendar date and the wall clock whatever the server's zone", () => {
    expect(spreadsheetDate("2026-07-01", "date").toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(spreadsheetDate("2026-01-15T09:30:05", "datetime").toISOString()).toBe("2026-01-15T09:30:05.000Z");
    expect(() => spreadsheetDate("2026-7-1", "date")).toThrow(RangeError);
    expect(() => spreadsheetDate("2026-01-15", "datetime")).toThrow(RangeError);
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
