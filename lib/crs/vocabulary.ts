/**
 * The words of a CRS profile, shared by the schema, the point tables and the UI.
 * Pure data: no framework imports.
 */

export const LANGUAGES = ["english", "french"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The four abilities IRCC scores separately; the order is the order the breakdown lists them. */
export const ABILITIES = ["reading", "writing", "listening", "speaking"] as const;
export type Ability = (typeof ABILITIES)[number];
export const ABILITY_LABELS: Record<Ability, string> = { reading: "Reading", writing: "Writing", listening: "Listening", speaking: "Speaking" };

/** Highest completed education, as IRCC's CRS rows name it (after an ECA for foreign credentials). */
export const EDUCATION_LEVELS = [
  "less_than_secondary",
  "secondary",
  "one_year",
  "two_year",
  "bachelors",
  "two_or_more",
  "masters_or_professional",
  "doctoral",
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  less_than_secondary: "Less than secondary school",
  secondary: "Secondary diploma (high school)",
  one_year: "One-year post-secondary program",
  two_year: "Two-year post-secondary program",
  bachelors: "Bachelor's degree or program of 3+ years",
  two_or_more: "Two or more credentials, one of 3+ years",
  masters_or_professional: "Master's or entry-to-practice professional degree",
  doctoral: "Doctoral degree (PhD)",
};

/** Canadian post-secondary credential, for the additional-points factor. */
export const CANADIAN_EDUCATION_LEVELS = ["none", "one_or_two_year", "three_year_or_more"] as const;
export type CanadianEducationLevel = (typeof CANADIAN_EDUCATION_LEVELS)[number];

/** CLB / NCLC levels are whole numbers; tests report 1..12, and 0 stands for "no result". */
export const CLB_MIN = 0;
export const CLB_MAX = 12;
