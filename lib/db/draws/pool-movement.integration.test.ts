import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDistribution } from "@/lib/draws/distribution";
import { parseRounds } from "@/lib/draws/parse-rounds";
import type { NormalisedRound } from "@/lib/draws/round";
import { NotFoundError } from "@/lib/errors";
import { importRounds } from "./import";
import { poolMovementForDraw, poolMovementView } from "./pool-movement";

/**
 * The pool movement read from the stored ledger: IRCC's snapshot plus three rounds of 2030 (after
 * every real round), the middle one without a distribution. This file has its own database.
 */

const snapshot = parseRounds(JSON.parse(readFileSync(path.resolve(__dirname, "../../../data/ee_rounds_123_en.json"), "utf8")));
const model = snapshot.rounds.find((r) => r.number === "418")!;

function round2030(number: string, date: string, counts: number[] | null): NormalisedRound {
  const { buckets } = buildDistribution(counts ?? Array(18).fill(0));
  return { ...model, number, date, drawnAt: `${date}T14:00:00Z`, tieBreakAt: null, distributionAsOf: counts ? date : null, distribution: buckets };
}
// 18 counts in feed order (subtotals and total included, as IRCC writes them).
const JAN = [300, 18000, 500, 100, 100, 100, 100, 100, 500, 100, 100, 100, 100, 100, 50000, 18000, 8000, 95300];
const FEB = [320, 17000, 600, 100, 100, 100, 100, 200, 500, 100, 100, 100, 100, 100, 51000, 18000, 8000, 95420];

beforeAll(async () => {
  await importRounds([...snapshot.rounds, round2030("p2030-1", "2030-01-10", JAN), round2030("p2030-2", "2030-01-20", null), round2030("p2030-3", "2030-02-01", FEB)], {
    source: "pool-movement-test",
    importedBy: "test",
  });
});

describe("poolMovementForDraw", () => {
  it("gives round 418's movement and its digest line from the stored snapshot", async () => {
    const result = (await poolMovementForDraw("418"))!;
    expect(result.movement.previous?.drawNumber).toBe("416");
    expect(result.movement.yearStart?.drawNumber).toBe("389");
    expect(result.movement.bands.find((b) => b.min === 501)?.sinceYearStart).toBe(-3068);
    expect(result.summary).toContain("since the first round of 2026 (#389, pool of January 4, 2026): 2,293 more profiles, 3,068 fewer profiles between 501 and 600.");
  });

  it("skips a stored round without a distribution: null for it, and the next one compares past it", async () => {
    expect(await poolMovementForDraw("p2030-2")).toBeNull();
    const result = (await poolMovementForDraw("p2030-3"))!;
    expect(result.movement.previous?.drawNumber).toBe("p2030-1");
    expect(result.movement.yearStart?.drawNumber).toBe("p2030-1");
    expect(result.movement.bands.find((b) => b.min === 501)?.sincePrevious).toBe(-1000);
    expect(result.movement.bands.find((b) => b.min === 451)?.sincePrevious).toBe(100);
    expect(result.movement.totalSincePrevious).toBe(120);
    expect(result.summary).toBe(
      "Pool of February 1, 2030 (round #p2030-3): 95,420 profiles; since round #p2030-1 (pool of January 10, 2030): 120 more profiles, 1,000 fewer profiles between 501 and 600; " +
        "since the first round of 2030 (#p2030-1, pool of January 10, 2030): 120 more profiles, 1,000 fewer profiles between 501 and 600.",
    );
  });

  it("refuses an unknown round", async () => {
    await expect(poolMovementForDraw("no-such-round")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("poolMovementView", () => {
  it("shows the newest publication by default and lists only rounds with a distribution", async () => {
    const view = (await poolMovementView())!;
    expect(view.movement.drawNumber).toBe("p2030-3");
    expect(view.rounds[0]).toEqual({ number: "p2030-3", date: "2030-02-01", asOf: "2030-02-01" });
    expect(view.rounds.map((r) => r.number)).not.toContain("p2030-2");
    expect(view.rounds.map((r) => r.number)).toContain("418");
  });

  it("shows a chosen round, and falls back to the newest for a round without one", async () => {
    expect((await poolMovementView("418"))!.movement.drawNumber).toBe("418");
    expect((await poolMovementView("p2030-2"))!.movement.drawNumber).toBe("p2030-3");
  });
});
