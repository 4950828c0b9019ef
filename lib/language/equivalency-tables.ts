/**
 * IRCC's language test equivalency charts, one table per designated test: for each CLB (English)
 * or NCLC (French) level, the lowest result in each ability that reaches it.
 *
 * Source: Immigration, Refugees and Citizenship Canada, "Language test equivalency charts"
 * (Express Entry documents, language requirements),
 * https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/express-entry/documents/language-requirements/test-equivalency-charts.html
 * and the program delivery instructions "Language testing – Express Entry" /
 * "Minimum language requirements" (the same charts). IRCC prints each level as a range
 * ("CLB 9: listening 8.0", "NCLC 7: 434–461"); the ranges are contiguous, so the lowest score
 * of each level is all a lookup needs, and the tests in equivalency-tables.test.ts check both
 * ends of every printed range.
 *
 * IRCC's charts list CLB 4 to 10 (the CRS grid starts at CLB 4 and tops out at "CLB 10 or more").
 * A result below the CLB 4 row converts to BELOW_CHART_CLB; above the CLB 10 row it stays CLB 10,
 * except CELPIP-General, whose levels are CLB levels by design (level n = CLB n, 1 to 12).
 * Pure data.
 */
import type { Ability } from "@/lib/crs/vocabulary";

export type AbilityScores = Readonly<Record<Ability, number>>;
/** Highest level first; each row's scores are the lowest results that reach `clb`. */
export type EquivalencyTable = readonly { readonly clb: number; readonly min: AbilityScores }[];

/**
 * What a result below the lowest row converts to. IRCC's points grid scores "CLB 3 or less" as
 * one row (0 points, no program's minimum met), so 3 stands for "below CLB 4" without claiming a
 * finer level the charts do not give.
 */
export const BELOW_CHART_CLB = 3;

const row = (clb: number, listening: number, reading: number, writing: number, speaking: number) =>
  ({ clb, min: { listening, reading, writing, speaking } }) as const;

/** IELTS General Training, band scores (IRCC does not accept IELTS Academic for Express Entry). */
export const IELTS_GENERAL: EquivalencyTable = [
  //   CLB  listening reading writing speaking
  row(10, 8.5, 8.0, 7.5, 7.5),
  row(9, 8.0, 7.0, 7.0, 7.0),
  row(8, 7.5, 6.5, 6.5, 6.5),
  row(7, 6.0, 6.0, 6.0, 6.0),
  row(6, 5.5, 5.0, 5.5, 5.5),
  row(5, 5.0, 4.0, 5.0, 5.0),
  row(4, 4.5, 3.5, 4.0, 4.0),
];

/** CELPIP-General levels: IRCC's chart is level n = CLB n (4 to 10); the levels run 1 to 12. */
export const CELPIP_GENERAL: EquivalencyTable = Array.from({ length: 12 }, (_, i) => 12 - i).map((n) => row(n, n, n, n, n));

/** PTE Core (designated for Express Entry from January 2024), scores 10–90 per skill. */
export const PTE_CORE: EquivalencyTable = [
  row(10, 89, 88, 90, 89),
  row(9, 82, 78, 88, 84),
  row(8, 71, 69, 79, 76),
  row(7, 60, 60, 69, 68),
  row(6, 50, 51, 60, 59),
  row(5, 39, 42, 51, 51),
  row(4, 28, 33, 41, 42),
];

/**
 * TEF Canada, NCLC, the scale used since December 11, 2023 (0–699 in each ability). Results on
 * the earlier scale are all older than two years now, so no longer valid for Express Entry.
 */
export const TEF_CANADA: EquivalencyTable = [
  row(10, 546, 546, 558, 556),
  row(9, 503, 503, 512, 518),
  row(8, 462, 462, 472, 494),
  row(7, 434, 434, 428, 456),
  row(6, 393, 393, 379, 422),
  row(5, 352, 352, 330, 387),
  row(4, 306, 306, 268, 328),
];

/** TCF Canada, NCLC: listening and reading 100–699, writing and speaking 0–20. */
export const TCF_CANADA: EquivalencyTable = [
  row(10, 549, 549, 16, 16),
  row(9, 523, 524, 14, 14),
  row(8, 503, 499, 12, 12),
  row(7, 458, 453, 10, 10),
  row(6, 398, 406, 7, 7),
  row(5, 369, 375, 6, 6),
  row(4, 331, 342, 4, 4),
];
