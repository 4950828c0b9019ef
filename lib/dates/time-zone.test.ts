import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, assertTimeZone, isTimeZone, startOfDateIn, toZonedDate, todayIn } from "./time-zone";

describe("toZonedDate", () => {
  it.each([
    ["2025-03-01T03:00:00Z", "America/Toronto", "2025-02-28"],
    ["2025-03-01T03:00:00Z", "UTC", "2025-03-01"],
    ["2025-03-01T05:00:00Z", "America/Toronto", "2025-03-01"], // midnight EST
    ["2025-03-01T04:59:59.999Z", "America/Toronto", "2025-02-28"],
    ["2025-07-01T04:00:00Z", "America/Toronto", "2025-07-01"], // midnight EDT
    ["2025-07-01T03:59:59Z", "America/Toronto", "2025-06-30"],
    ["2025-07-01T06:00:00Z", "America/Vancouver", "2025-06-30"],
    ["2025-07-01T02:30:00Z", "America/St_Johns", "2025-07-01"], // UTC-2:30 in summer
  ])("%s in %s is %s", (instant, zone, expected) => {
    expect(toZonedDate(instant, zone)).toBe(expected);
  });

  it("defaults to Toronto", () => {
    expect(DEFAULT_TIME_ZONE).toBe("America/Toronto");
    expect(toZonedDate("2025-03-01T03:00:00Z")).toBe("2025-02-28");
  });
});

describe("todayIn", () => {
  it("uses the now it is given", () => {
    const now = new Date("2026-01-01T04:00:00Z");
    expect(todayIn("America/Toronto", now)).toBe("2025-12-31");
    expect(todayIn("UTC", now)).toBe("2026-01-01");
  });
});

describe("startOfDateIn", () => {
  it.each([
    ["2026-03-01", "America/Toronto", "2026-03-01T05:00:00.000Z"],
    ["2025-07-01", "America/Toronto", "2025-07-01T04:00:00.000Z"],
    ["2025-03-09", "America/Toronto", "2025-03-09T05:00:00.000Z"], // DST starts at 02:00 that day
    ["2025-03-10", "America/Toronto", "2025-03-10T04:00:00.000Z"],
    ["2025-11-02", "America/Toronto", "2025-11-02T04:00:00.000Z"], // DST ends at 02:00 that day
    ["2025-07-01", "UTC", "2025-07-01T00:00:00.000Z"],
  ])("%s in %s starts at %s", (date, zone, expected) => {
    expect(startOfDateIn(date, zone).toISOString()).toBe(expected);
  });
});

describe("time zone names", () => {
  it("accepts IANA names and refuses unknown ones", () => {
    expect(isTimeZone("America/Toronto")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(() => assertTimeZone("Mars/Olympus")).toThrow(RangeError);
    expect(() => toZonedDate("2025-03-01T03:00:00Z", "Mars/Olympus")).toThrow(RangeError);
  });
});
