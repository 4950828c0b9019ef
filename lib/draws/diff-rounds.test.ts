import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffRounds } from "./diff-rounds";
import { parseRounds } from "./parse-rounds";
import type { NormalisedRound } from "./round";

const { rounds } = parseRounds(
  JSON.parse(readFileSync(new URL("../../data/ee_rounds_123_en.json", import.meta.url), "utf8")),
);
const [r418, r417, r416] = rounds;

describe("diffRounds", () => {
  it("finds nothing to do when the feed is imported twice", () => {
    const diff = diffRounds(rounds, rounds);
    expect(diff.added).toEqual([]);
    expect(diff.updated).toEqual([]);
    expect(diff.absent).toEqual([]);
    expect(diff.unchanged).toHaveLength(419);
  });

  it("imports everything into an empty ledger", () => {
    expect(diffRounds([], rounds).added).toHaveLength(419);
  });

  it("separates added, updated, unchanged and absent rounds by number", () => {
    const corrected: NormalisedRound = { ...r417, cutoff: 519, tieBreakAt: null };
    const manual: NormalisedRound = { ...r416, number: "419" };
    const diff = diffRounds([r417, r416, manual], [r418, corrected, r416]);
    expect(diff.added).toEqual([r418]);
    expect(diff.unchanged).toEqual([r416]);
    expect(diff.absent).toEqual([manual]);
    expect(diff.updated).toEqual([
      {
        round: corrected,
        changes: {
          cutoff: { from: 518, to: 519 },
          tieBreakAt: { from: "2026-04-30T03:16:01Z", to: null },
        },
      },
    ]);
  });

  it("compares programs and distribution by value, not by reference or key order", () => {
    const copy: NormalisedRound = JSON.parse(JSON.stringify(r418));
    copy.distribution = copy.distribution.map(({ count, role, max, min, key }) => ({ count, role, max, min, key }));
    expect(diffRounds([copy], [r418]).unchanged).toEqual([r418]);
  });

  it("reports a distribution correction as a field change", () => {
    const distribution = r418.distribution.map((b) => (b.key === "dd1" ? { ...b, count: 333 } : b));
    const diff = diffRounds([r418], [{ ...r418, distribution }]);
    expect(Object.keys(diff.updated[0].changes)).toEqual(["distribution"]);
    expect(diff.updated[0].changes.distribution?.to[0].count).toBe(333);
  });

  it("refuses a list that holds the same number twice", () => {
    expect(() => diffRounds([], [r418, r418])).toThrow(/418 twice/);
  });
});
