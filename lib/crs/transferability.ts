/**
 * C. Skill transferability (max 100). Five pairs, each worth at most 50; the two education pairs
 * share one 50 cap and the two foreign-work pairs share another, then the section caps at 100.
 * Language here is always the first official language, lowest of the four abilities.
 */
import * as languages from "./language";
import type { CrsLine } from "./result";
import * as results from "./result";
import type { CrsInput } from "./schema";
import * as tables from "./tables";

// Hot path: copy imports into local constants once (why: see calculate.ts).
const { lowestClb } = languages;
const { applyCap, line, lineKind } = results;
const {
  CANADIAN_WORK_TRANSFER_BANDS,
  CERTIFICATE_BANDS,
  CERTIFICATE_POINTS,
  EDUCATION_TRANSFER_LEVEL,
  FOREIGN_WORK_BANDS,
  TRANSFER_CAP,
  TRANSFER_GRID,
  TRANSFER_LANGUAGE_BANDS,
  TRANSFER_PAIR_CAP,
} = tables;

const S = "transferability";
const PAIR = TRANSFER_PAIR_CAP;
const KINDS = {
  educationLanguage: lineKind(S, "education_language", "Education + official language", PAIR),
  educationWork: lineKind(S, "education_canadian_work", "Education + Canadian work experience", PAIR),
  educationCap: lineKind(S, "education_cap", `Education combinations capped at ${PAIR}`),
  foreignLanguage: lineKind(S, "foreign_work_language", "Foreign work experience + official language", PAIR),
  foreignWork: lineKind(S, "foreign_work_canadian_work", "Foreign work + Canadian work experience", PAIR),
  foreignCap: lineKind(S, "foreign_work_cap", `Foreign work combinations capped at ${PAIR}`),
  certificate: lineKind(S, "certificate_language", "Certificate of qualification + official language", PAIR),
  sectionCap: lineKind(S, "transferability_cap", `Skill transferability capped at ${TRANSFER_CAP}`),
};

const CERTIFICATE_BY_BAND = [0, CERTIFICATE_POINTS.lower, CERTIFICATE_POINTS.upper] as const;

function band(value: number, bands: { readonly lower: number; readonly upper: number }): 0 | 1 | 2 {
  return value >= bands.upper ? 2 : value >= bands.lower ? 1 : 0;
}

export function transferabilityLines(input: CrsInput, lines: CrsLine[]): number {
  const clb = lowestClb(input.firstLanguage.clb);
  const language = band(clb, TRANSFER_LANGUAGE_BANDS);
  const canadianWork = band(input.canadianWorkYears, CANADIAN_WORK_TRANSFER_BANDS);
  const education = EDUCATION_TRANSFER_LEVEL[input.education];
  const foreignWork = band(input.foreignWorkYears, FOREIGN_WORK_BANDS);

  const educationLanguage = TRANSFER_GRID[education][language];
  const educationWork = TRANSFER_GRID[education][canadianWork];
  lines.push(line(KINDS.educationLanguage, educationLanguage), line(KINDS.educationWork, educationWork));
  const educationPair = applyCap(lines, KINDS.educationCap, educationLanguage + educationWork, PAIR);

  const foreignLanguage = TRANSFER_GRID[foreignWork][language];
  const foreignCanadian = TRANSFER_GRID[foreignWork][canadianWork];
  lines.push(line(KINDS.foreignLanguage, foreignLanguage), line(KINDS.foreignWork, foreignCanadian));
  const foreignPair = applyCap(lines, KINDS.foreignCap, foreignLanguage + foreignCanadian, PAIR);

  const certificateBand = input.certificateOfQualification ? band(clb, CERTIFICATE_BANDS) : 0;
  const certificate = CERTIFICATE_BY_BAND[certificateBand];
  lines.push(line(KINDS.certificate, certificate));

  return applyCap(lines, KINDS.sectionCap, educationPair + foreignPair + certificate, TRANSFER_CAP);
}
