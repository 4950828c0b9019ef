import { describe, expect, it } from "vitest";
import { profile } from "@/lib/crs/test-fixtures";
import { describeChanges } from "./audit-changes";
import { clientComingChanges } from "./coming-changes";
import { scoreHistorySummary, scoresOldestFirst } from "./score-history";

describe("describeChanges", () => {
  it.each([
    ["nothing recorded", null, ""],
    ["a labelled field", { firstName: { from: "Ana", to: "Anna" } }, "First name: Ana → Anna"],
    ["an unlabelled field keeps its name, a missing value is a dash", { email: { from: null, to: "a@b.ca" } }, "email: — → a@b.ca"],
    ["the factors are only said to change", { crsFactors: { from: {}, to: {} }, crs: { from: 450, to: 470 } }, "CRS factors changed; CRS: 450 → 470"],
    ["an object value", { archivedAt: { from: null, to: { at: 1 } } }, "Archived: — → (changed)"],
  ])("%s", (_label, changes, expected) => {
    expect(describeChanges(changes)).toBe(expected);
  });
});

describe("score history", () => {
  const history = [
    { effectiveAt: "2026-03-01T12:00:00Z", crs: 480 },
    { effectiveAt: "2026-01-10T09:30:00Z", crs: 455 },
  ];

  it("orders the scores oldest first without changing the list it was given", () => {
    expect(scoresOldestFirst(history).map((s) => s.crs)).toEqual([455, 480]);
    expect(history[0].crs).toBe(480);
  });

  it("sums up the first and the latest score in the firm's zone", () => {
    expect(scoreHistorySummary(scoresOldestFirst(history), "UTC")).toBe("CRS 455 from 2026-01-10 09:30 UTC, now 480 since 2026-03-01 12:00 UTC; 2 scores recorded.");
    expect(scoreHistorySummary([history[1]], "UTC")).toBe("CRS 455 from 2026-01-10 09:30 UTC; 1 score recorded.");
    expect(scoreHistorySummary([], "UTC")).toBe("No CRS recorded yet.");
  });
});

describe("clientComingChanges", () => {
  it("needs the calculator's factors and a date of birth", () => {
    expect(clientComingChanges({ crsFactors: null, dateOfBirth: "1990-01-01", canadianWorkStartedOn: null }, "2026-06-01")).toEqual([]);
    expect(clientComingChanges({ crsFactors: profile(), dateOfBirth: null, canadianWorkStartedOn: null }, "2026-06-01")).toEqual([]);
  });

  it("takes the age from the date of birth, not the stored factors", () => {
    // The stored age (45) is stale: at 30 today, the next birthday costs 6 points (as in lib/crs's own test).
    const changes = clientComingChanges({ crsFactors: profile({ age: 45, canadianWorkYears: 1 }), dateOfBirth: "1995-08-20", canadianWorkStartedOn: "2025-02-03" }, "2026-01-15");
    expect(changes.map((c) => [c.kind, c.date, c.pointsChange])).toEqual([
      ["canadian_work_anniversary", "2026-02-03", 25],
      ["birthday", "2026-08-20", -6],
    ]);
  });
});
