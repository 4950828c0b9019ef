import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDistribution } from "./distribution";
import { parseRounds } from "./parse-rounds";
import { formatChange, hasPublishedDistribution, poolMovementFor, poolMovements, poolMovementSummary, type DistributionRound } from "./pool-movement";

const raw = JSON.parse(readFileSync(path.resolve(__dirname, "../../data/ee_rounds_123_en.json"), "utf8")) as { rounds: Record<string, string>[] };
// The feed lists rounds newest first; the rules take them in draw order.
const snapshot = parseRounds(raw).rounds.slice().reverse();
const dd = (number: string, key: string) => Number(raw.rounds.find((r) => r.drawNumber === number)![key].replace(/,/g, ""));

/** A round whose 15 non-overlapping bands hold `ranges` (highest first), subtotals and total filled in as IRCC does. */
function round(number: string, date: string, asOf: string | null, ranges: number[] | null): DistributionRound {
  if (!ranges) return { number, date, distributionAsOf: asOf, distribution: buildDistribution(Array(18).fill(0)).buckets };
  const [r601, r501, r491, r481, r471, r461, r451, r441, r431, r421, r411, r401, r351, r301, r0] = ranges;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const counts = [r601, r501, sum([r491, r481, r471, r461, r451]), r491, r481, r471, r461, r451, sum([r441, r431, r421, r411, r401]), r441, r431, r421, r411, r401, r351, r301, r0, sum(ranges)];
  return { number, date, distributionAsOf: asOf, distribution: buildDistribution(counts).buckets };
}
const flat = (n: number) => Array(15).fill(n) as number[];

describe("poolMovements on small cases", () => {
  it("skips a round without a distribution instead of reading it as an empty pool", () => {
    const rounds = [round("1", "2026-01-05", "2026-01-04", flat(100)), round("2", "2026-01-12", null, null), round("3", "2026-01-20", "2026-01-19", flat(110))];
    expect(hasPublishedDistribution(rounds[1])).toBe(false);
    const movements = poolMovements(rounds);
    expect(movements.map((m) => m.drawNumber)).toEqual(["1", "3"]);
    expect(movements[1].previous?.drawNumber).toBe("1");
    expect(movements[1].bands.every((b) => b.sincePrevious === 10)).toBe(true);
    expect(poolMovementFor(rounds, "2")).toBeNull();
  });

  it("counts each profile once: the 451–500 and 401–450 subtotals and the total are not bands", () => {
    const [m] = poolMovements([round("1", "2026-01-05", "2026-01-04", flat(100))]);
    expect(m.bands.map((b) => `${b.min}–${b.max}`)).toEqual([
      "601–1200", "501–600", "491–500", "481–490", "471–480", "461–470", "451–460",
      "441–450", "431–440", "421–430", "411–420", "401–410", "351–400", "301–350", "0–300",
    ]);
    expect(m.total).toBe(1500);
    expect(m.previous).toBeNull();
    expect(m.yearStart).toBeNull();
  });

  it("compares with the first publication of the draw's calendar year, not of the year before", () => {
    const rounds = [round("1", "2025-12-15", "2025-12-14", flat(90)), round("2", "2026-01-05", "2026-01-04", flat(100)), round("3", "2026-02-02", "2026-02-01", flat(120)), round("4", "2026-03-02", "2026-03-01", flat(125))];
    const m = poolMovementFor(rounds, "4")!;
    expect(m.previous?.drawNumber).toBe("3");
    expect(m.yearStart?.drawNumber).toBe("2");
    expect(m.totalSincePrevious).toBe(75);
    expect(m.totalSinceYearStart).toBe(375);
    expect(poolMovementFor(rounds, "2")!.yearStart).toBeNull();
    expect(poolMovementFor(rounds, "2")!.previous?.drawNumber).toBe("1");
  });

  it("leaves a band's change unknown when either side lacks that count", () => {
    const partial = round("2", "2026-01-12", "2026-01-11", flat(100));
    partial.distribution = partial.distribution.map((b) => (b.key === "dd2" ? { ...b, count: null } : b));
    const m = poolMovementFor([round("1", "2026-01-05", "2026-01-04", flat(90)), partial], "2")!;
    expect(m.bands.find((b) => b.key === "dd2")!.sincePrevious).toBeNull();
    expect(m.bands.find((b) => b.key === "dd1")!.sincePrevious).toBe(10);
    expect(m.total).toBeNull();
    expect(m.totalSincePrevious).toBeNull();
  });

  it("writes one line naming the band that moved most", () => {
    const january = flat(100);
    january[1] = 4772; // 501–600
    const march = flat(100);
    march[14] = 130; // 0–300
    const rounds = [round("1", "2026-01-05", "2026-01-04", january), round("2", "2026-02-02", "2026-02-01", flat(100)), round("3", "2026-03-02", "2026-03-01", march)];
    const line = poolMovementSummary(poolMovementFor(rounds, "3")!);
    expect(line).toBe(
      "Pool of March 1, 2026 (round #3): 1,530 profiles; since round #2 (pool of February 1, 2026): 30 more profiles, 30 more profiles between 0 and 300; " +
        "since the first round of 2026 (#1, pool of January 4, 2026): 4,642 fewer profiles, 4,672 fewer profiles between 501 and 600.",
    );
    expect(line).not.toContain("\n");
    expect(poolMovementSummary(poolMovementFor(rounds, "1")!)).toBe("Pool of January 4, 2026 (round #1): 6,172 profiles; no earlier distribution to compare with.");
  });

  it("formats signed changes", () => {
    expect([formatChange(4672), formatChange(-4672), formatChange(0), formatChange(null)]).toEqual(["+4,672", "−4,672", "no change", "—"]);
  });
});

describe("poolMovements on IRCC's snapshot", () => {
  const movements = poolMovements(snapshot);
  const of = (n: string) => movements.find((m) => m.drawNumber === n)!;

  it("has one movement per round that published a distribution, and none for the all-zero rounds", () => {
    const published = raw.rounds.filter((r) => r.dd18 !== "0").map((r) => r.drawNumber);
    expect(movements.map((m) => m.drawNumber).sort()).toEqual(published.sort());
    expect(movements.length).toBeGreaterThan(150);
  });

  it("round 418: against round 416's pool (417 repeats 418's) and the first of 2026 (round 389)", () => {
    const m = of("418");
    expect(m.total).toBe(dd("418", "dd18"));
    expect(m.previous).toMatchObject({ drawNumber: "416", asOf: "2026-05-10" });
    expect(m.yearStart).toMatchObject({ drawNumber: "389", asOf: "2026-01-04" });
    const band501 = m.bands.find((b) => b.min === 501)!;
    expect(band501.sincePrevious).toBe(dd("418", "dd2") - dd("416", "dd2"));
    expect(band501.sinceYearStart).toBe(-3068);
    expect(m.totalSincePrevious).toBe(5077);
    expect(m.totalSinceYearStart).toBe(dd("418", "dd18") - dd("389", "dd18"));
  });

  it("treats a repeated publication retyped with another date as the same pool (rounds 386 and 387)", () => {
    expect(of("387").previous?.drawNumber).toBe("385");
    expect(of("386").previous?.drawNumber).toBe("385");
    expect(of("390").yearStart).toBeNull();
    expect(of("392").yearStart?.drawNumber).toBe("389");
  });

  it("band changes add up to the change of the total wherever every band is known", () => {
    for (const m of movements.filter((x) => x.totalSincePrevious !== null)) {
      expect(m.bands.reduce((s, b) => s + b.sincePrevious!, 0)).toBe(m.totalSincePrevious);
    }
  });

  it("summarises round 418 in one line", () => {
    expect(poolMovementSummary(of("418"))).toBe(
      "Pool of May 24, 2026 (round #418): 238,847 profiles; since round #416 (pool of May 10, 2026): 5,077 more profiles, 2,286 more profiles between 501 and 600; " +
        "since the first round of 2026 (#389, pool of January 4, 2026): 2,293 more profiles, 3,068 fewer profiles between 501 and 600.",
    );
  });
});
