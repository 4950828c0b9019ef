import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIrccDate, parseIrccTimestamp } from "./parse-timestamp";

const snapshot = JSON.parse(
  readFileSync(new URL("../../data/ee_rounds_123_en.json", import.meta.url), "utf8"),
) as { rounds: Record<string, string>[] };

describe("parseIrccTimestamp", () => {
  // [text, draw date, expected ISO]
  it.each([
    ["October 29, 2025 at 04:35:24 UTC", "2025-10-29", "2025-10-29T04:35:24Z"],
    ["June 4, 2026 at 14:49:51 UTC", "2026-06-04", "2026-06-04T14:49:51Z"],
    ["October 15, 2025 15:55:18 UTC", "2025-10-15", "2025-10-15T15:55:18Z"],
    ["March 01, 2023, at 17:24:39 UTC", "2023-03-01", "2023-03-01T17:24:39Z"],
    ["May 26 2025 at 12:28:38 UTC", "2025-05-26", "2025-05-26T12:28:38Z"],
    ["March 02. 2024 at 01:58:34 UTC", "2024-03-05", "2024-03-02T01:58:34Z"],
    ["September 05, 2025 at 0:59:13 UTC", "2026-02-16", "2025-09-05T00:59:13Z"],
    ["March 05, 2025 at 05:10:48", "2025-03-05", "2025-03-05T05:10:48Z"],
    ["June 22, 2021 at 20:19:59 PM UTC", "2021-11-24", "2021-06-22T20:19:59Z"],
    ["October 25, 2023 at 15:48:39 AM UTC", "2023-10-25", "2023-10-25T15:48:39Z"],
    ["September 30, 2023 at 04:22:17 AM UTC", "2023-10-25", "2023-09-30T04:22:17Z"],
    ["June 4, 2026 at 3:15:00 PM UTC", "2026-06-04", "2026-06-04T15:15:00Z"],
    ["June 4, 2026 at 12:15:00 PM UTC", "2026-06-04", "2026-06-04T12:15:00Z"],
    ["June 4, 2026 at 3:15:00 p.m. UTC", "2026-06-04", "2026-06-04T15:15:00Z"],
    ["January 23, 2025 at 2025-01-23 15:30:04 UTC", "2025-01-23", "2025-01-23T15:30:04Z"],
    ["October 7 at 16:38:21 UTC", "2021-10-27", "2021-10-07T16:38:21Z"],
    ["December 20 at 16:38:21 UTC", "2022-01-05", "2021-12-20T16:38:21Z"],
    ["January 5 at 16:38:21 UTC", "2022-01-05", "2022-01-05T16:38:21Z"],
    ["May 31, 2024 at12:48:30 UTC", "2024-05-31", "2024-05-31T12:48:30Z"],
    ["April 13, 2026  at 23:10:05 UTC", "2026-04-27", "2026-04-13T23:10:05Z"],
    ["October 18, 2025 at  7:18:52 UTC", "2025-12-15", "2025-10-18T07:18:52Z"],
    [" July 13, 2016 at 13:56:45 UTC ", "2016-07-13", "2016-07-13T13:56:45Z"],
    ["July 13,2016 13:56:45 UTC", "2016-07-13", "2016-07-13T13:56:45Z"],
    ["June 3rd, 2025 at 10:00:00 UTC", "2025-06-03", "2025-06-03T10:00:00Z"],
    ["March 21st, 2025 at 10:00:00 UTC", "2025-03-21", "2025-03-21T10:00:00Z"],
    ["Sept. 2, 2025 at 10:00:00 UTC", "2025-09-02", "2025-09-02T10:00:00Z"],
    ["Sep 2 2025 10:00 UTC", "2025-09-02", "2025-09-02T10:00:00Z"],
    ["Oct. 29, 2025 at 04:35 UTC", "2025-10-29", "2025-10-29T04:35:00Z"],
    ["October 29, 2025 at 04:35:24 GMT", "2025-10-29", "2025-10-29T04:35:24Z"],
    ["Wednesday, October 29, 2025 at 04:35:24 UTC", "2025-10-29", "2025-10-29T04:35:24Z"],
    ["29 October 2025 at 04:35:24 UTC", "2025-10-29", "2025-10-29T04:35:24Z"],
    ["2025-10-29T04:35:24Z", "2025-10-29", "2025-10-29T04:35:24Z"],
    ["2025-10-29 04:35:24 UTC+00:00", "2025-10-29", "2025-10-29T04:35:24Z"],
    ["October\u00a029,\u00a02025 at 04:35:24 UTC", "2025-10-29", "2025-10-29T04:35:24Z"],
  ])("%j (draw %s) → %s", (text, drawDate, iso) => {
    expect(parseIrccTimestamp(text, drawDate)).toEqual({ iso });
  });

  it.each(["", "   ", null, undefined])("%j is missing without a warning (early rounds had no tie-break)", (text) => {
    expect(parseIrccTimestamp(text, "2015-01-31")).toEqual({ iso: null });
  });

  it.each([
    ["tomorrow morning", /cannot read/],
    ["October 29, 2025", /no time of day/],
    ["at 3:15:00 PM UTC", /no date/],
    ["February 30, 2025 at 10:00:00 UTC", /not a date/],
    ["October 29, 2025 at 25:10:00 UTC", /not a time of day/],
    ["October 29, 2025 at 04:35:24 EST", /not UTC/],
    ["October 29, 2025 at 04:35:24 -05:00", /cannot read/],
    ["January 24, 2025 at 2025-01-23 15:30:04 UTC", /disagree/],
    ["October 29, 2025 at 04:35:24 05:00:00 UTC", /more than one time/],
    ["October 7 at 16:38:21 UTC", /no year/],
  ])("%j cannot be read: null with a warning, never a guess", (text, why) => {
    const result = parseIrccTimestamp(text, text.startsWith("October 7") ? undefined : "2025-10-29");
    expect(result.iso).toBeNull();
    expect(result.warning).toMatch(why);
  });

  it("reads 12 AM as midnight but flags it, since IRCC's AM/PM are often stray", () => {
    const result = parseIrccTimestamp("October 29, 2025 at 12:35:24 AM UTC", "2025-10-29");
    expect(result.iso).toBe("2025-10-29T00:35:24Z");
    expect(result.warning).toMatch(/12 AM/);
  });

  it("reads every non-empty drawDateTime and drawCutOff of the snapshot without a warning", () => {
    let read = 0;
    for (const round of snapshot.rounds) {
      for (const field of ["drawDateTime", "drawCutOff"]) {
        const text = round[field];
        if (!text.trim()) continue;
        const result = parseIrccTimestamp(text, round.drawDate);
        expect(result, `round ${round.drawNumber} ${field} ${JSON.stringify(text)}`).toEqual({
          iso: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        });
        read++;
      }
    }
    expect(read).toBe(419 + 343);
  });
});

describe("parseIrccDate", () => {
  it.each([
    ["2026-05-28", undefined, "2026-05-28"],
    ["May 28, 2026", undefined, "2026-05-28"],
    ["May 4, 2026", undefined, "2026-05-04"],
    ["28 May 2026", undefined, "2026-05-28"],
    ["May 24", "2026-05-28", "2026-05-24"],
    ["December 29", "2026-01-02", "2025-12-29"],
  ])("%j (reference %s) → %s", (text, reference, date) => {
    expect(parseIrccDate(text, reference)).toEqual({ date });
  });

  it("needs a year when there is no reference date", () => {
    expect(parseIrccDate("May 24")).toEqual({ date: null, warning: expect.stringMatching(/no year/) });
  });

  it("reads every drawDate, drawDateFull and drawDistributionAsOn of the snapshot", () => {
    for (const round of snapshot.rounds) {
      expect(parseIrccDate(round.drawDateFull).date).toBe(round.drawDate);
      expect(parseIrccDate(round.drawDate).date).toBe(round.drawDate);
      expect(parseIrccDate(round.drawDistributionAsOn, round.drawDate).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
