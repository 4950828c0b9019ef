import { describe, expect, it } from "vitest";
import { addDaysToDate } from "@/lib/dates/calendar-date";
import { DEADLINE_BANDS, DEADLINE_BAND_LABELS, daysUntil, deadlineBand } from "./bands";

const AS_OF = "2025-06-15";

describe("deadlineBand", () => {
  it.each([
    [-30, "overdue"],
    [-1, "overdue"],
    [0, "7"],
    [1, "7"],
    [7, "7"],
    [8, "30"],
    [30, "30"],
    [31, "60"],
    [60, "60"],
    [61, "90"],
    [90, "90"],
    [91, null],
    [400, null],
  ])("due in %i days → %s", (days, band) => {
    const dueOn = addDaysToDate(AS_OF, days);
    expect(daysUntil(dueOn, AS_OF)).toBe(days);
    expect(deadlineBand(dueOn, AS_OF)).toBe(band);
  });

  it("counts calendar days across a DST change and a leap day", () => {
    expect(daysUntil("2025-03-10", "2025-03-08")).toBe(2);
    expect(daysUntil("2024-03-01", "2024-02-28")).toBe(2);
  });

  it("lists bands most urgent first with labels", () => {
    expect(DEADLINE_BANDS).toEqual(["overdue", "7", "30", "60", "90"]);
    expect(DEADLINE_BANDS.map((band) => DEADLINE_BAND_LABELS[band])).toEqual([
      "Overdue",
      "Within 7 days",
      "Within 30 days",
      "Within 60 days",
      "Within 90 days",
    ]);
  });
});
