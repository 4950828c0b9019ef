import { describe, expect, it } from "vitest";
import { ecaExpiresOn, languageTestExpiresOn, profileExpiresAt, profileExpiresOn } from "./expiry";

describe("profileExpiresOn", () => {
  it.each([
    // 03:00Z on Mar 1 is 22:00 on Feb 28 in Toronto: the firm's day decides.
    ["2025-03-01T03:00:00Z", "America/Toronto", "2026-02-28"],
    ["2025-03-01T03:00:00Z", "UTC", "2026-03-01"],
    ["2025-03-01T05:00:00Z", "America/Toronto", "2026-03-01"],
    ["2024-02-29T15:00:00Z", "America/Toronto", "2025-02-28"],
    ["2025-06-15T12:00:00-04:00", "America/Toronto", "2026-06-15"],
  ])("submitted %s (%s) → %s", (submittedAt, zone, expected) => {
    expect(profileExpiresOn(submittedAt, null, zone)).toBe(expected);
  });

  it("defaults to Toronto", () => {
    expect(profileExpiresOn("2025-03-01T03:00:00Z")).toBe("2026-02-28");
  });

  it("returns the consultant's override unchanged", () => {
    expect(profileExpiresOn("2025-03-01T03:00:00Z", "2026-01-15")).toBe("2026-01-15");
  });

  it("refuses an invalid override", () => {
    expect(() => profileExpiresOn("2025-03-01T03:00:00Z", "2026-02-30")).toThrow(RangeError);
  });
});

describe("profileExpiresAt", () => {
  it("is the start of the day after the expiry date in the firm's zone", () => {
    expect(profileExpiresAt("2026-02-28")).toBe("2026-03-01T05:00:00.000Z");
    expect(profileExpiresAt("2026-06-30", "America/Toronto")).toBe("2026-07-01T04:00:00.000Z");
    expect(profileExpiresAt("2026-02-28", "UTC")).toBe("2026-03-01T00:00:00.000Z");
  });
});

describe("document validity", () => {
  it.each([
    ["2024-02-29", "2026-02-28"],
    ["2024-02-28", "2026-02-28"],
    ["2024-03-01", "2026-03-01"],
    ["2022-02-28", "2024-02-28"],
  ])("language test %s → %s", (testDate, expected) => {
    expect(languageTestExpiresOn(testDate)).toBe(expected);
  });

  it.each([
    ["2024-02-29", "2029-02-28"],
    ["2020-02-29", "2025-02-28"],
    ["2019-02-28", "2024-02-28"],
    ["2021-07-01", "2026-07-01"],
  ])("ECA %s → %s", (issuedOn, expected) => {
    expect(ecaExpiresOn(issuedOn)).toBe(expected);
  });

  it("refuses an invalid date", () => {
    expect(() => languageTestExpiresOn("2025-02-29")).toThrow(RangeError);
    expect(() => ecaExpiresOn("29/02/2024")).toThrow(RangeError);
  });
});
