import { describe, expect, it } from "vitest";
import {
  addDaysToDate,
  addMonthsToDate,
  addYearsToDate,
  calendarDaysBetween,
  formatCalendarDate,
  isCalendarDate,
  parseCalendarDate,
} from "./calendar-date";

describe("isCalendarDate", () => {
  it.each([
    ["2024-02-29", true],
    ["2025-02-28", true],
    ["2025-02-29", false],
    ["2025-02-30", false],
    ["2025-13-01", false],
    ["2025-1-01", false],
    ["0099-01-01", false],
    ["2025-03-01T00:00:00Z", false],
    ["", false],
  ])("%s → %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it("parseCalendarDate throws on an invalid date", () => {
    expect(() => parseCalendarDate("2025-02-29")).toThrow(RangeError);
  });
});

describe("calendar arithmetic", () => {
  it.each([
    ["2024-02-29", 1, "2025-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2024-02-28", 1, "2025-02-28"],
    ["2025-03-01", 1, "2026-03-01"],
    ["2025-03-01", -1, "2024-03-01"],
  ])("%s + %i years = %s", (date, years, expected) => {
    expect(addYearsToDate(date, years)).toBe(expected);
  });

  it.each([
    ["2024-02-29", 12, "2025-02-28"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-12-15", 1, "2026-01-15"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonthsToDate(date, months)).toBe(expected);
  });

  it("adds days across month and year ends", () => {
    expect(addDaysToDate("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDaysToDate("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDaysToDate("2025-03-01", -1)).toBe("2025-02-28");
  });

  it.each([
    ["2025-03-08", "2025-03-10", 2], // spans the spring DST change in North America
    ["2025-11-01", "2025-11-03", 2], // and the autumn one
    ["2025-03-10", "2025-03-08", -2],
    ["2025-01-01", "2025-01-01", 0],
    ["2024-01-01", "2025-01-01", 366],
  ])("days from %s to %s = %i", (from, to, expected) => {
    expect(calendarDaysBetween(from, to)).toBe(expected);
  });

  it("formats a Date by its UTC day", () => {
    expect(formatCalendarDate(new Date("2025-03-01T03:00:00Z"))).toBe("2025-03-01");
    expect(formatCalendarDate(new Date("2025-02-28T23:59:59.999Z"))).toBe("2025-02-28");
  });
});
