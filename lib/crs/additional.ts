/** D. Additional points (max 600). No arranged-employment factor: IRCC removed it on 2025-03-25. */
import * as languages from "./language";
import type { CrsLine } from "./result";
import * as results from "./result";
import type { CrsInput } from "./schema";
import * as tables from "./tables";

// Hot path: copy imports into local constants once (why: see calculate.ts).
const { lowestClb, resultsFor } = languages;
const { applyCap, line, lineKind } = results;
const {
  ADDITIONAL_CAP,
  CANADIAN_EDUCATION_MAX,
  CANADIAN_EDUCATION_POINTS,
  FRENCH_ENGLISH_MIN_CLB,
  FRENCH_MIN_NCLC,
  FRENCH_POINTS,
  NOMINATION_POINTS,
  SIBLING_POINTS,
} = tables;

const S = "additional";
const KINDS = {
  sibling: lineKind(S, "sibling", "Sibling in Canada (citizen or PR)", SIBLING_POINTS),
  french: lineKind(S, "french", "French-language skills", FRENCH_POINTS.withEnglish),
  study: lineKind(S, "canadian_education", "Post-secondary education in Canada", CANADIAN_EDUCATION_MAX),
  nomination: lineKind(S, "provincial_nomination", "Provincial or territorial nomination", NOMINATION_POINTS),
  cap: lineKind(S, "additional_cap", `Additional points capped at ${ADDITIONAL_CAP}`),
};

/**
 * NCLC 7+ on all four French abilities earns 25, or 50 when English is also CLB 5+ on all four.
 * A missing English result counts as "CLB 4 or lower", which is how IRCC words the 25-point row.
 */
export function frenchBonus(input: CrsInput): number {
  const french = resultsFor(input, "french");
  if (!french || lowestClb(french) < FRENCH_MIN_NCLC) return 0;
  const english = resultsFor(input, "english");
  const englishToo = english !== null && lowestClb(english) >= FRENCH_ENGLISH_MIN_CLB;
  return englishToo ? FRENCH_POINTS.withEnglish : FRENCH_POINTS.withoutEnglish;
}

export function additionalLines(input: CrsInput, lines: CrsLine[]): number {
  const sibling = input.siblingInCanada ? SIBLING_POINTS : 0;
  const french = frenchBonus(input);
  const study = CANADIAN_EDUCATION_POINTS[input.canadianEducation];
  const nomination = input.provincialNomination ? NOMINATION_POINTS : 0;
  lines.push(line(KINDS.sibling, sibling), line(KINDS.french, french));
  lines.push(line(KINDS.study, study), line(KINDS.nomination, nomination));
  return applyCap(lines, KINDS.cap, sibling + french + study + nomination, ADDITIONAL_CAP);
}
