/**
 * CRS point tables, from IRCC's "Comprehensive Ranking System (CRS) criteria – Express Entry" page
 * (canada.ca …/express-entry/check-score/crs-criteria.html) and the Ministerial Instructions
 * respecting the Express Entry system, as they stand after arranged-employment points were removed
 * on 2025-03-25.
 *
 * Why these numbers can be trusted: each row was checked against published copies when this file
 * was written instead of being typed from memory (the canada.ca page itself was not reachable, so
 * the checks used faithful reproductions of it):
 * - age, education, first and second official language, Canadian work (both columns): a full
 *   reproduction of IRCC's grid (focalpointcanadaimmigration.ca, "express-entry-crs-points-grid")
 *   and three consultant pages with the same rows (e.g. casimmigration.com on age);
 * - spouse education 0/2/6/7/8/9/10/10: the Ministerial Instructions text, s. 17(1)(a)–(h);
 *   spouse language 0/1/3/5 per ability and spouse Canadian work 0/5/7/8/9/10: two independent
 *   reproductions of the IRCC table, which also add up to the published maxima of 20 and 10;
 * - skill transferability (13/25 and 25/50 grids, certificate 25/50, 50 per pair, 100 in all) and
 *   additional points (sibling 15, French 25/50, Canadian study 15/30, nomination 600, cap 600):
 *   a public engineering copy of the IRCC criteria page dated 2025-12-08, cross-checked with
 *   IRCC's archived 2016 notice (Canadian study 15/30) and consultant pages on the French rule;
 * - the section maxima add up: with a spouse 100+140+4×32+22+70 = 460, without 110+150+4×34+24+80
 *   = 500, spouse factors 10+20+10 = 40, which are IRCC's published maxima.
 * Arranged employment (50/200 points) is left out on purpose: IRCC removed it on 2025-03-25.
 * If IRCC changes the grid, change it here and in the tests; no other file holds point values.
 */
import type { CanadianEducationLevel, EducationLevel } from "./vocabulary";

/** A pair of values: IRCC gives most core factors two columns. */
export interface Columns<T> {
  withSpouse: T;
  withoutSpouse: T;
}

export function column<T>(table: Columns<T>, withSpouse: boolean): T {
  return withSpouse ? table.withSpouse : table.withoutSpouse;
}

/** IRCC's age rows: [from, to, with spouse, without spouse]; 17 or less and 45 or more score 0. */
const AGE_ROWS: ReadonlyArray<readonly [number, number, number, number]> = [
  [18, 18, 90, 99],
  [19, 19, 95, 105],
  [20, 29, 100, 110],
  [30, 30, 95, 105],
  [31, 31, 90, 99],
  [32, 32, 85, 94],
  [33, 33, 80, 88],
  [34, 34, 75, 83],
  [35, 35, 70, 77],
  [36, 36, 65, 72],
  [37, 37, 60, 66],
  [38, 38, 55, 61],
  [39, 39, 50, 55],
  [40, 40, 45, 50],
  [41, 41, 35, 39],
  [42, 42, 25, 28],
  [43, 43, 15, 17],
  [44, 44, 5, 6],
];

/** Ages above this score 0 in both columns. */
export const AGE_LAST_SCORING = 44;

function expandAgeRows(valueIndex: 2 | 3): number[] {
  const byAge = new Array<number>(AGE_LAST_SCORING + 1).fill(0);
  for (const row of AGE_ROWS) for (let age = row[0]; age <= row[1]; age++) byAge[age] = row[valueIndex];
  return byAge;
}

/** Age points indexed by whole years 0..44 (a flat array keeps the hot path to one lookup). */
export const AGE_POINTS: Columns<readonly number[]> = {
  withSpouse: expandAgeRows(2),
  withoutSpouse: expandAgeRows(3),
};
export const AGE_MAX: Columns<number> = { withSpouse: 100, withoutSpouse: 110 };

export const EDUCATION_POINTS: Columns<Record<EducationLevel, number>> = {
  withSpouse: {
    less_than_secondary: 0,
    secondary: 28,
    one_year: 84,
    two_year: 91,
    bachelors: 112,
    two_or_more: 119,
    masters_or_professional: 126,
    doctoral: 140,
  },
  withoutSpouse: {
    less_than_secondary: 0,
    secondary: 30,
    one_year: 90,
    two_year: 98,
    bachelors: 120,
    two_or_more: 128,
    masters_or_professional: 135,
    doctoral: 150,
  },
};
export const EDUCATION_MAX: Columns<number> = { withSpouse: 140, withoutSpouse: 150 };

/**
 * Points per ability indexed by CLB 0..12. IRCC's rows are "less than CLB 4", "CLB 4 or 5",
 * "CLB 6", "CLB 7", "CLB 8", "CLB 9", "CLB 10 or more".
 */
export const FIRST_LANGUAGE_POINTS: Columns<readonly number[]> = {
  //            0  1  2  3  4  5  6   7   8   9  10  11  12
  withSpouse: [0, 0, 0, 0, 6, 6, 8, 16, 22, 29, 32, 32, 32],
  withoutSpouse: [0, 0, 0, 0, 6, 6, 9, 17, 23, 31, 34, 34, 34],
};
export const FIRST_LANGUAGE_MAX_PER_ABILITY: Columns<number> = { withSpouse: 32, withoutSpouse: 34 };

/** Rows "CLB 4 or less" 0, "CLB 5 or 6" 1, "CLB 7 or 8" 3, "CLB 9 or more" 6 — same in both columns. */
export const SECOND_LANGUAGE_POINTS: readonly number[] = [0, 0, 0, 0, 0, 1, 1, 3, 3, 6, 6, 6, 6];
export const SECOND_LANGUAGE_MAX_PER_ABILITY = 6;
/** The with-spouse cap (22) bites below 4 × 6 = 24; without a spouse the cap equals the sum. */
export const SECOND_LANGUAGE_CAP: Columns<number> = { withSpouse: 22, withoutSpouse: 24 };

/** Indexed by whole years 0..5; 5 or more years score the last entry. */
export const CANADIAN_WORK_POINTS: Columns<readonly number[]> = {
  withSpouse: [0, 35, 46, 56, 63, 70],
  withoutSpouse: [0, 40, 53, 64, 72, 80],
};
export const CANADIAN_WORK_MAX: Columns<number> = { withSpouse: 70, withoutSpouse: 80 };

export const SPOUSE_EDUCATION_POINTS: Record<EducationLevel, number> = {
  less_than_secondary: 0,
  secondary: 2,
  one_year: 6,
  two_year: 7,
  bachelors: 8,
  two_or_more: 9,
  masters_or_professional: 10,
  doctoral: 10,
};
export const SPOUSE_EDUCATION_MAX = 10;

/** Spouse's first official language, per ability: CLB 4 or less 0, 5–6 1, 7–8 3, 9+ 5. */
export const SPOUSE_LANGUAGE_POINTS: readonly number[] = [0, 0, 0, 0, 0, 1, 1, 3, 3, 5, 5, 5, 5];
export const SPOUSE_LANGUAGE_MAX_PER_ABILITY = 5;

export const SPOUSE_CANADIAN_WORK_POINTS: readonly number[] = [0, 5, 7, 8, 9, 10];
export const SPOUSE_CANADIAN_WORK_MAX = 10;

/**
 * Skill transferability. Every pair uses the same 3×3 grid: a "strength" of the first factor
 * (0 none, 1 some, 2 strong) against a level of the second (0 below the threshold, 1 the lower
 * band, 2 the upper band). E.g. education + language: a one-year-or-longer credential (1) with
 * CLB 7+ on all abilities, one under 9 (1) is 13; a master's (2) with CLB 9+ on all four (2) is 50.
 */
export const TRANSFER_GRID: readonly (readonly number[])[] = [
  [0, 0, 0],
  [0, 13, 25],
  [0, 25, 50],
];

/** Education strength for transferability: secondary or less 0, one credential 1, 2+ / master's / PhD 2. */
export const EDUCATION_TRANSFER_LEVEL: Record<EducationLevel, 0 | 1 | 2> = {
  less_than_secondary: 0,
  secondary: 0,
  one_year: 1,
  two_year: 1,
  bachelors: 1,
  two_or_more: 2,
  masters_or_professional: 2,
  doctoral: 2,
};

/** Lowest first-language CLB for the language bands of education/foreign-work pairs: 7 and 9. */
export const TRANSFER_LANGUAGE_BANDS = { lower: 7, upper: 9 } as const;
/** Foreign work strength: none 0, 1–2 years 1, 3 years or more 2. */
export const FOREIGN_WORK_BANDS = { lower: 1, upper: 3 } as const;
/** Canadian work level for transferability: 1 year is band 1, 2 years or more band 2. */
export const CANADIAN_WORK_TRANSFER_BANDS = { lower: 1, upper: 2 } as const;

/** Certificate of qualification + first-language CLB: all ≥5 (one under 7) 25, all ≥7 50. */
export const CERTIFICATE_BANDS = { lower: 5, upper: 7 } as const;
export const CERTIFICATE_POINTS = { lower: 25, upper: 50 } as const;

export const TRANSFER_PAIR_CAP = 50;
export const TRANSFER_CAP = 100;

export const SIBLING_POINTS = 15;
/** French bonus: NCLC 7+ on all four French abilities; 50 if English is CLB 5+ on all four, else 25. */
export const FRENCH_MIN_NCLC = 7;
export const FRENCH_ENGLISH_MIN_CLB = 5;
export const FRENCH_POINTS = { withEnglish: 50, withoutEnglish: 25 } as const;
export const CANADIAN_EDUCATION_POINTS: Record<CanadianEducationLevel, number> = {
  none: 0,
  one_or_two_year: 15,
  three_year_or_more: 30,
};
export const CANADIAN_EDUCATION_MAX = 30;
export const NOMINATION_POINTS = 600;
export const ADDITIONAL_CAP = 600;

export const TOTAL_MAX = 1200;
