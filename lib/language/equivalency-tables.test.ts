import { describe, expect, it } from "vitest";
import type { Ability } from "@/lib/crs/vocabulary";
import { BELOW_CHART_CLB } from "./equivalency-tables";
import { clbFor, LANGUAGE_TEST_INFO, type LanguageTest, TEST_ABILITIES } from "./tests";

/**
 * IRCC's charts written out again as IRCC prints them: per level, the range of results in each
 * ability ([lowest, highest]). Every band edge is checked against the conversion: the lowest and
 * highest result of each level, and the result just below the lowest (the level under it, or
 * "below CLB 4" under the last row). Kept apart from the tables' own shape (lowest scores only),
 * so a slip in either shows.
 */
type Range = readonly [number, number];
type Chart = Record<number, Record<Ability, Range>>;

const IELTS: Chart = {
  10: { listening: [8.5, 9], reading: [8, 9], writing: [7.5, 9], speaking: [7.5, 9] },
  9: { listening: [8, 8], reading: [7, 7.5], writing: [7, 7], speaking: [7, 7] },
  8: { listening: [7.5, 7.5], reading: [6.5, 6.5], writing: [6.5, 6.5], speaking: [6.5, 6.5] },
  7: { listening: [6, 7], reading: [6, 6], writing: [6, 6], speaking: [6, 6] },
  6: { listening: [5.5, 5.5], reading: [5, 5.5], writing: [5.5, 5.5], speaking: [5.5, 5.5] },
  5: { listening: [5, 5], reading: [4, 4.5], writing: [5, 5], speaking: [5, 5] },
  4: { listening: [4.5, 4.5], reading: [3.5, 3.5], writing: [4, 4.5], speaking: [4, 4.5] },
};

const PTE: Chart = {
  10: { listening: [89, 90], reading: [88, 90], writing: [90, 90], speaking: [89, 90] },
  9: { listening: [82, 88], reading: [78, 87], writing: [88, 89], speaking: [84, 88] },
  8: { listening: [71, 81], reading: [69, 77], writing: [79, 87], speaking: [76, 83] },
  7: { listening: [60, 70], reading: [60, 68], writing: [69, 78], speaking: [68, 75] },
  6: { listening: [50, 59], reading: [51, 59], writing: [60, 68], speaking: [59, 67] },
  5: { listening: [39, 49], reading: [42, 50], writing: [51, 59], speaking: [51, 58] },
  4: { listening: [28, 38], reading: [33, 41], writing: [41, 50], speaking: [42, 50] },
};

const TEF: Chart = {
  10: { listening: [546, 699], reading: [546, 699], writing: [558, 699], speaking: [556, 699] },
  9: { listening: [503, 545], reading: [503, 545], writing: [512, 557], speaking: [518, 555] },
  8: { listening: [462, 502], reading: [462, 502], writing: [472, 511], speaking: [494, 517] },
  7: { listening: [434, 461], reading: [434, 461], writing: [428, 471], speaking: [456, 493] },
  6: { listening: [393, 433], reading: [393, 433], writing: [379, 427], speaking: [422, 455] },
  5: { listening: [352, 392], reading: [352, 392], writing: [330, 378], speaking: [387, 421] },
  4: { listening: [306, 351], reading: [306, 351], writing: [268, 329], speaking: [328, 386] },
};

const TCF: Chart = {
  10: { listening: [549, 699], reading: [549, 699], writing: [16, 20], speaking: [16, 20] },
  9: { listening: [523, 548], reading: [524, 548], writing: [14, 15], speaking: [14, 15] },
  8: { listening: [503, 522], reading: [499, 523], writing: [12, 13], speaking: [12, 13] },
  7: { listening: [458, 502], reading: [453, 498], writing: [10, 11], speaking: [10, 11] },
  6: { listening: [398, 457], reading: [406, 452], writing: [7, 9], speaking: [7, 9] },
  5: { listening: [369, 397], reading: [375, 405], writing: [6, 6], speaking: [6, 6] },
  4: { listening: [331, 368], reading: [342, 374], writing: [4, 5], speaking: [4, 5] },
};

const CELPIP: Chart = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [i + 1, { listening: [i + 1, i + 1], reading: [i + 1, i + 1], writing: [i + 1, i + 1], speaking: [i + 1, i + 1] }]),
);

const CHARTS: [LanguageTest, Chart][] = [
  ["ielts_general", IELTS],
  ["celpip_general", CELPIP],
  ["pte_core", PTE],
  ["tef_canada", TEF],
  ["tcf_canada", TCF],
];

function edges(test: LanguageTest, chart: Chart): [string, number, number][] {
  const cases: [string, number, number][] = [];
  const levels = Object.keys(chart).map(Number).sort((a, b) => b - a);
  for (const ability of TEST_ABILITIES) {
    const step = LANGUAGE_TEST_INFO[test].scales[ability].step;
    for (const [i, level] of levels.entries()) {
      const [low, high] = chart[level][ability];
      const below = levels[i + 1] ?? BELOW_CHART_CLB;
      cases.push([ability, low, level], [ability, high, level]);
      if (low - step >= LANGUAGE_TEST_INFO[test].scales[ability].min) cases.push([ability, low - step, below]);
    }
  }
  return cases;
}

describe.each(CHARTS)("%s: IRCC's chart at every band edge", (test, chart) => {
  it.each(edges(test, chart))("%s %d → level %d", (ability, score, level) => {
    expect(clbFor(test, ability as Ability, score)).toBe(level);
  });

  it("the ranges of each ability are contiguous, so no on-scale result falls between two levels", () => {
    const levels = Object.keys(chart).map(Number).sort((a, b) => a - b);
    for (const ability of TEST_ABILITIES) {
      const step = LANGUAGE_TEST_INFO[test].scales[ability].step;
      for (let i = 1; i < levels.length; i++) expect(chart[levels[i]][ability][0]).toBe(chart[levels[i - 1]][ability][1] + step);
      expect(chart[levels.at(-1)!][ability][1]).toBe(LANGUAGE_TEST_INFO[test].scales[ability].max);
    }
  });
});

describe("below and above the charts", () => {
  it("a result under the CLB 4 row is below CLB 4 (3), down to the scale's bottom", () => {
    expect(clbFor("ielts_general", "listening", 0)).toBe(3);
    expect(clbFor("pte_core", "writing", 10)).toBe(3);
    expect(clbFor("tef_canada", "speaking", 0)).toBe(3);
    expect(clbFor("tcf_canada", "reading", 100)).toBe(3);
    expect(clbFor("tcf_canada", "writing", 0)).toBe(3);
  });

  it("CELPIP-General keeps its own level at both ends; the others stop at CLB 10", () => {
    expect(clbFor("celpip_general", "reading", 1)).toBe(1);
    expect(clbFor("celpip_general", "reading", 12)).toBe(12);
    expect(clbFor("ielts_general", "reading", 9)).toBe(10);
    expect(clbFor("tef_canada", "reading", 699)).toBe(10);
  });
});
