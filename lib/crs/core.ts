/** A. Core / human capital factors: age, education, official languages, Canadian work. */
import * as languages from "./language";
import type { CrsFactor, CrsLine, LineKind } from "./result";
import * as results from "./result";
import type { CrsInput } from "./schema";
import type { Columns } from "./tables";
import * as tables from "./tables";
import type { Ability, Language } from "./vocabulary";
import * as vocabulary from "./vocabulary";

// Hot path: copy imports into local constants once (why: see calculate.ts).
const { LANGUAGE_NAMES } = languages;
const { applyCap, line, lineKind } = results;
const {
  AGE_LAST_SCORING,
  AGE_MAX,
  AGE_POINTS,
  CANADIAN_WORK_MAX,
  CANADIAN_WORK_POINTS,
  EDUCATION_MAX,
  EDUCATION_POINTS,
  FIRST_LANGUAGE_MAX_PER_ABILITY,
  FIRST_LANGUAGE_POINTS,
  SECOND_LANGUAGE_CAP,
  SECOND_LANGUAGE_MAX_PER_ABILITY,
  SECOND_LANGUAGE_POINTS,
  column,
} = tables;
const { ABILITIES, LANGUAGES } = vocabulary;

type Slot = "first" | "second";
type AbilityKinds = Record<Ability, LineKind>;

function abilityKinds(slot: Slot, languageName: string, max: number): AbilityKinds {
  const entries = ABILITIES.map((ability) => {
    const factor = `${slot}_language_${ability}` as CrsFactor;
    const label = `${slot === "first" ? "First" : "Second"} official language${languageName}: ${ability}`;
    return [ability, lineKind("core", factor, label, max)] as const;
  });
  return Object.fromEntries(entries) as AbilityKinds;
}

function kindsByLanguage(slot: Slot, max: number): Record<Language | "none", AbilityKinds> {
  const byLanguage = Object.fromEntries(LANGUAGES.map((l) => [l, abilityKinds(slot, ` (${LANGUAGE_NAMES[l]})`, max)]));
  return { ...byLanguage, none: abilityKinds(slot, " (none)", max) } as Record<Language | "none", AbilityKinds>;
}

function bothColumns<T>(make: (withSpouse: boolean) => T): Columns<T> {
  return { withSpouse: make(true), withoutSpouse: make(false) };
}

const secondCap = (withSpouse: boolean) => column(SECOND_LANGUAGE_CAP, withSpouse);

const KINDS = bothColumns((withSpouse) => ({
  age: lineKind("core", "age", "Age", column(AGE_MAX, withSpouse)),
  education: lineKind("core", "education", "Level of education", column(EDUCATION_MAX, withSpouse)),
  first: kindsByLanguage("first", column(FIRST_LANGUAGE_MAX_PER_ABILITY, withSpouse)),
  second: kindsByLanguage("second", SECOND_LANGUAGE_MAX_PER_ABILITY),
  secondCap: lineKind("core", "second_language_cap", `Second official language capped at ${secondCap(withSpouse)}`),
  work: lineKind("core", "canadian_work", "Canadian work experience", column(CANADIAN_WORK_MAX, withSpouse)),
}));

export function coreLines(input: CrsInput, withSpouse: boolean, lines: CrsLine[]): number {
  const kinds = column(KINDS, withSpouse);

  const age = input.age <= AGE_LAST_SCORING ? column(AGE_POINTS, withSpouse)[input.age] : 0;
  lines.push(line(kinds.age, age));

  const education = column(EDUCATION_POINTS, withSpouse)[input.education];
  lines.push(line(kinds.education, education));

  const firstTable = column(FIRST_LANGUAGE_POINTS, withSpouse);
  const firstKinds = kinds.first[input.firstLanguage.language];
  let first = 0;
  for (const ability of ABILITIES) {
    const points = firstTable[input.firstLanguage.clb[ability]];
    first += points;
    lines.push(line(firstKinds[ability], points));
  }

  const second = input.secondLanguage;
  const secondKinds = kinds.second[second ? second.language : "none"];
  let secondRaw = 0;
  for (const ability of ABILITIES) {
    const points = second ? SECOND_LANGUAGE_POINTS[second.clb[ability]] : 0;
    secondRaw += points;
    lines.push(line(secondKinds[ability], points));
  }
  const secondTotal = applyCap(lines, kinds.secondCap, secondRaw, secondCap(withSpouse));

  const workTable = column(CANADIAN_WORK_POINTS, withSpouse);
  const work = workTable[Math.min(input.canadianWorkYears, workTable.length - 1)];
  lines.push(line(kinds.work, work));

  return age + education + first + secondTotal + work;
}
