/**
 * The CRS calculator's factors as the form holds them (strings as typed), and their conversion to
 * crsInputSchema's draft. Pure: no React.
 */
import { ageOn, type Ability, type CanadianEducationLevel, type CrsInput, type EducationLevel, type Language } from "@/lib/crs";

export type Clb = Record<Ability, string>;
export interface FactorsState {
  /** The first language's levels come from the language test section (when one is recorded). */
  useRecordedTest: boolean;
  age: string;
  ageTouched: boolean;
  hasAccompanyingSpouse: boolean;
  education: EducationLevel | "";
  firstLanguage: Language;
  firstClb: Clb;
  hasSecondLanguage: boolean;
  secondClb: Clb;
  canadianWorkYears: string;
  foreignWorkYears: string;
  certificateOfQualification: boolean;
  spouseEducation: EducationLevel | "";
  spouseHasLanguage: boolean;
  spouseClb: Clb;
  spouseCanadianWorkYears: string;
  siblingInCanada: boolean;
  canadianEducation: CanadianEducationLevel;
}

export const emptyClb = (): Clb => ({ reading: "", writing: "", listening: "", speaking: "" });
export const clbOf = (scores: Record<Ability, number> | undefined): Clb =>
  scores ? { reading: String(scores.reading), writing: String(scores.writing), listening: String(scores.listening), speaking: String(scores.speaking) } : emptyClb();

export type SetFactor = <K extends keyof FactorsState>(key: K, value: FactorsState[K]) => void;
export type ClbKey = "firstClb" | "secondClb" | "spouseClb";
/** The server's error for a factor, by its path under crsFactors. */
export type FactorError = (path: string) => string | undefined;

export function initialState(factors: CrsInput | null, dobGivesAge: boolean): FactorsState {
  return {
    // A new profile takes the recorded test; a stored one keeps what it was computed from.
    useRecordedTest: !factors || "test" in factors.firstLanguage,
    age: factors ? String(factors.age) : "",
    // A stored age gives way to the date of birth: age points move on each birthday.
    ageTouched: Boolean(factors) && !dobGivesAge,
    hasAccompanyingSpouse: factors?.hasAccompanyingSpouse ?? false,
    education: factors?.education ?? "",
    firstLanguage: factors?.firstLanguage.language ?? "english",
    firstClb: clbOf(factors?.firstLanguage.clb),
    hasSecondLanguage: Boolean(factors?.secondLanguage),
    secondClb: clbOf(factors?.secondLanguage?.clb),
    canadianWorkYears: String(factors?.canadianWorkYears ?? 0),
    foreignWorkYears: String(factors?.foreignWorkYears ?? 0),
    certificateOfQualification: factors?.certificateOfQualification ?? false,
    spouseEducation: factors?.spouse?.education ?? "",
    spouseHasLanguage: Boolean(factors?.spouse?.language),
    spouseClb: clbOf(factors?.spouse?.language?.clb),
    spouseCanadianWorkYears: String(factors?.spouse?.canadianWorkYears ?? 0),
    siblingInCanada: factors?.siblingInCanada ?? false,
    canadianEducation: factors?.canadianEducation ?? "none",
  };
}

export const num = (value: string) => (value.trim() === "" ? undefined : Number(value));
export const clbDraft = (clb: Clb) => ({ reading: num(clb.reading), writing: num(clb.writing), listening: num(clb.listening), speaking: num(clb.speaking) });
/** A result as typed: "7,5" is a French-locale 7.5. */
export const scoreDraft = (results: Clb) => clbDraft({ reading: results.reading.replace(",", "."), writing: results.writing.replace(",", "."), listening: results.listening.replace(",", "."), speaking: results.speaking.replace(",", ".") });

export function safeAge(dateOfBirth: string, today: string): number | null {
  try {
    return dateOfBirth ? ageOn(dateOfBirth, today) : null;
  } catch {
    return null;
  }
}
