import { describe, expect, it } from "vitest";
import { wallClock } from "./wall-clock";

describe("wallClock", () => {
  it.each([
    ["2026-01-15T14:30:05Z", "America/Toronto", "2026-01-15T09:30:05"],
    ["2026-07-01T04:00:00Z", "America/Toronto", "2026-07-01T00:00:00"],
    ["2026-07-01T03:59:59.999Z", "America/Toronto", "2026-06-30T23:59:59"],
    ["2026-03-08T10:00:00Z", "America/Vancouver", "2026-03-08T03:00:00"],
    ["2026-11-25T12:00:00Z", "America/St_Johns", "2026-11-25T08:30:00"],
    ["2026-11-25T00:00:00Z", "UTC", "2026-11-25T00:00:00"],
  ])("%s in %s is %s", (instant, zone, expected) => {
    expect(wallClock(instant, zone)).toBe(expected);
  });

  it("rejects a bad instant", () => {
    expect(() => wallClock("not a date", "UTC")).toThrow(RangeError);
  });
});
