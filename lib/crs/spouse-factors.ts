/** B. Spouse or common-law partner factors; only for an accompanying spouse (max 40). */
import type { CrsLine } from "./result";
import * as results from "./result";
import type { SpouseFactors } from "./schema";
import * as tables from "./tables";
import type { Ability } from "./vocabulary";
import * as vocabulary from "./vocabulary";

// Hot path: copy imports into local constants once (why: see calculate.ts).
const { line, lineKind } = results;
const {
  SPOUSE_CANADIAN_WORK_MAX,
  SPOUSE_CANADIAN_WORK_POINTS,
  SPOUSE_EDUCATION_MAX,
  SPOUSE_EDUCATION_POINTS,
  SPOUSE_LANGUAGE_MAX_PER_ABILITY,
  SPOUSE_LANGUAGE_POINTS,
} = tables;
const { ABILITIES } = vocabulary;

function languageKind(ability: Ability) {
  const factor = `spouse_language_${ability}` as const;
  return lineKind("spouse", factor, `Spouse's official language: ${ability}`, SPOUSE_LANGUAGE_MAX_PER_ABILITY);
}

const EDUCATION = lineKind("spouse", "spouse_education", "Spouse's level of education", SPOUSE_EDUCATION_MAX);
const LANGUAGE = {
  reading: languageKind("reading"),
  writing: languageKind("writing"),
  listening: languageKind("listening"),
  speaking: languageKind("speaking"),
};
const WORK = lineKind("spouse", "spouse_canadian_work", "Spouse's Canadian work experience", SPOUSE_CANADIAN_WORK_MAX);

export function spouseLines(spouse: SpouseFactors, lines: CrsLine[]): number {
  const education = SPOUSE_EDUCATION_POINTS[spouse.education];
  lines.push(line(EDUCATION, education));

  let language = 0;
  for (const ability of ABILITIES) {
    // No test result simply scores 0 for the spouse; IRCC does not require one.
    const points = spouse.language ? SPOUSE_LANGUAGE_POINTS[spouse.language.clb[ability]] : 0;
    language += points;
    lines.push(line(LANGUAGE[ability], points));
  }

  const table = SPOUSE_CANADIAN_WORK_POINTS;
  const work = table[Math.min(spouse.canadianWorkYears, table.length - 1)];
  lines.push(line(WORK, work));

  return education + language + work;
}
