import { describe, expect, it } from "vitest";
import { drawDataFreshness, syncFailingSince } from "./freshness";

const now = new Date("2026-12-04T12:00:00Z");

describe("drawDataFreshness", () => {
  it("says how long ago the last successful sync was", () => {
    expect(drawDataFreshness(new Date("2026-12-04T11:55:00Z"), now)).toBe("Draw data synced 5 minutes ago.");
    expect(drawDataFreshness(new Date("2026-12-04T11:59:30Z"), now)).toBe("Draw data synced less than a minute ago.");
    expect(drawDataFreshness(new Date("2026-12-02T12:00:00Z"), now)).toBe("Draw data synced 2 days ago.");
  });

  it("says so when no sync ever succeeded", () => {
    expect(drawDataFreshness(null, now)).toMatch(/not been synced/);
  });
});

describe("syncFailingSince", () => {
  it("is true only when the last error is newer than the last success", () => {
    const earlier = new Date("2026-12-04T11:00:00Z");
    expect(syncFailingSince({ lastSuccessAt: earlier, lastErrorAt: now })).toBe(true);
    expect(syncFailingSince({ lastSuccessAt: now, lastErrorAt: earlier })).toBe(false);
    expect(syncFailingSince({ lastSuccessAt: null, lastErrorAt: earlier })).toBe(true);
    expect(syncFailingSince(null)).toBe(false);
  });
});
