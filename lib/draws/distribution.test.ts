import { describe, expect, it } from "vitest";
import { DISTRIBUTION_BUCKETS, buildDistribution, checkDistribution } from "./distribution";

// Round 418's distribution as IRCC published it.
const ROUND_418 = [
  332, 17945, 75348, 13449, 13323, 17040, 16262, 15274, 65963, 14463, 14401, 12915, 12402, 11782,
  52581, 18375, 8303, 238847,
];

describe("DISTRIBUTION_BUCKETS", () => {
  it("maps dd1..dd18 to IRCC's score ranges", () => {
    expect(DISTRIBUTION_BUCKETS.map((b) => `${b.key} ${b.min}-${b.max} ${b.role}`)).toEqual([
      "dd1 601-1200 range", "dd2 501-600 range", "dd3 451-500 subtotal", "dd4 491-500 range",
      "dd5 481-490 range", "dd6 471-480 range", "dd7 461-470 range", "dd8 451-460 range",
      "dd9 401-450 subtotal", "dd10 441-450 range", "dd11 431-440 range", "dd12 421-430 range",
      "dd13 411-420 range", "dd14 401-410 range", "dd15 351-400 range", "dd16 301-350 range",
      "dd17 0-300 range", "dd18 0-1200 total",
    ]);
  });

  it("has range rows that tile 0–1200 exactly once, so a chart of them never double counts", () => {
    const ranges = DISTRIBUTION_BUCKETS.filter((b) => b.role === "range").sort((a, b) => a.min - b.min);
    let next = 0;
    for (const r of ranges) {
      expect(r.min).toBe(next);
      next = r.max + 1;
    }
    expect(next).toBe(1201);
  });
});

describe("buildDistribution", () => {
  it("attaches each count to its bucket", () => {
    const { buckets, published } = buildDistribution(ROUND_418);
    expect(published).toBe(true);
    expect(buckets[0]).toEqual({ key: "dd1", min: 601, max: 1200, role: "range", count: 332 });
    expect(buckets[2]).toEqual({ key: "dd3", min: 451, max: 500, role: "subtotal", count: 75348 });
    expect(buckets[17]).toEqual({ key: "dd18", min: 0, max: 1200, role: "total", count: 238847 });
    const rangeSum = buckets.filter((b) => b.role === "range").reduce((s, b) => s + (b.count ?? 0), 0);
    expect(rangeSum).toBe(238847);
  });

  it("reads all zeros as not published (IRCC's filler before 2022), not as an empty pool", () => {
    const { buckets, published } = buildDistribution(Array(18).fill(0));
    expect(published).toBe(false);
    expect(buckets.every((b) => b.count === null)).toBe(true);
  });

  it("keeps a missing count as null", () => {
    const counts: (number | null)[] = [...ROUND_418];
    counts[4] = null;
    expect(buildDistribution(counts).buckets[4].count).toBeNull();
  });

  it("refuses a count list of the wrong length", () => {
    expect(() => buildDistribution([1, 2, 3])).toThrow(RangeError);
  });
});

describe("checkDistribution", () => {
  it("finds nothing wrong when rows add up", () => {
    expect(checkDistribution(buildDistribution(ROUND_418).buckets)).toEqual([]);
  });

  it("reports a subtotal that does not match its rows (round 247's typo)", () => {
    const counts = [...ROUND_418];
    counts[2] += 180;
    counts[17] += 180;
    expect(checkDistribution(buildDistribution(counts).buckets)).toEqual([
      "dd3 (451–500) is 75,528 but its rows sum to 75,348",
    ]);
  });

  it("reports a total that does not match", () => {
    const counts = [...ROUND_418];
    counts[17] = 1;
    expect(checkDistribution(buildDistribution(counts).buckets)).toEqual([
      "dd18 (total) is 1 but its rows sum to 238,847",
    ]);
  });

  it("skips a sum with a missing row", () => {
    const counts: (number | null)[] = [...ROUND_418];
    counts[3] = null;
    expect(checkDistribution(buildDistribution(counts).buckets)).toEqual([]);
  });
});
