import { describe, expect, it } from "vitest";
import { formatInstant, shortZoneName } from "./format-instant";

describe("formatInstant", () => {
  it.each([
    ["2025-10-29T04:35:24Z", "America/Toronto", "2025-10-29 00:35 EDT"],
    ["2025-01-15T12:00:00Z", "America/Toronto", "2025-01-15 07:00 EST"],
    ["2025-10-29T04:35:24Z", "America/Vancouver", "2025-10-28 21:35 PDT"],
    ["2025-10-29T04:35:24Z", "America/St_Johns", "2025-10-29 02:05 NDT"],
    ["2025-10-29T04:35:24Z", "UTC", "2025-10-29 04:35 UTC"],
    ["2025-10-29T16:05:00Z", "America/Toronto", "2025-10-29 12:05 EDT"], // 24-hour clock
  ])("%s in %s → %s", (instant, zone, expected) => {
    expect(formatInstant(instant, zone)).toBe(expected);
  });

  it("shows seconds on request (tie-break times are to the second)", () => {
    expect(formatInstant("2025-10-29T04:35:24Z", "America/Toronto", { seconds: true })).toBe("2025-10-29 00:35:24 EDT");
  });

  it("defaults to Toronto and accepts a Date", () => {
    expect(formatInstant(new Date("2025-10-29T04:35:24Z"))).toBe("2025-10-29 00:35 EDT");
  });

  it("falls back to a GMT offset where a zone has no common abbreviation", () => {
    expect(shortZoneName("2025-01-15T12:00:00Z", "Asia/Kolkata")).toBe("GMT+5:30");
  });
});
