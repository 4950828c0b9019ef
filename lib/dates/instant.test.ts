import { describe, expect, it } from "vitest";
import { compareInstants, isInstantString, parseInstant } from "./instant";

describe("parseInstant", () => {
  it.each([
    ["2025-03-01T03:00:00Z", "2025-03-01T03:00:00.000Z"],
    ["2025-03-01T03:00Z", "2025-03-01T03:00:00.000Z"],
    ["2025-03-01T03:00:00.123Z", "2025-03-01T03:00:00.123Z"],
    ["2025-02-28T22:00:00-05:00", "2025-03-01T03:00:00.000Z"],
    ["2025-03-01T08:30:00+0530", "2025-03-01T03:00:00.000Z"],
  ])("reads %s", (input, iso) => {
    expect(parseInstant(input).toISOString()).toBe(iso);
  });

  it("copies a Date so callers cannot mutate each other's values", () => {
    const date = new Date("2025-03-01T03:00:00Z");
    const parsed = parseInstant(date);
    expect(parsed).not.toBe(date);
    expect(parsed.getTime()).toBe(date.getTime());
  });

  it.each([
    ["a date without a time", "2025-03-01"],
    ["a time without an offset", "2025-03-01T03:00:00"],
    ["free text", "March 1, 2025 at 03:00 UTC"],
    ["an impossible month", "2025-13-01T03:00:00Z"],
    ["an empty string", ""],
  ])("refuses %s", (_, input) => {
    expect(isInstantString(input)).toBe(false);
    expect(() => parseInstant(input)).toThrow(RangeError);
  });

  it("refuses an Invalid Date", () => {
    expect(() => parseInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("compareInstants", () => {
  it("compares across offsets", () => {
    expect(compareInstants("2025-03-01T03:00:00Z", "2025-02-28T22:00:00-05:00")).toBe(0);
    expect(compareInstants("2025-03-01T02:59:59Z", new Date("2025-03-01T03:00:00Z"))).toBeLessThan(0);
  });
});
