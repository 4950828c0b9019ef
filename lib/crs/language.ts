/** Small helpers over CLB results, shared by the core, transferability and French-bonus rules. */
import type { ClbScores, CrsInput } from "./schema";
import type { Language } from "./vocabulary";

/** The lowest of the four abilities: IRCC's "CLB n or more on all four abilities" tests. */
export function lowestClb(clb: ClbScores): number {
  return Math.min(clb.reading, clb.writing, clb.listening, clb.speaking);
}

/**
 * The results for one language, whichever slot (first or second) holds it. The French bonus looks
 * at French and English by language, not by which one the candidate declared first.
 */
export function resultsFor(input: CrsInput, language: Language): ClbScores | null {
  if (input.firstLanguage.language === language) return input.firstLanguage.clb;
  if (input.secondLanguage?.language === language) return input.secondLanguage.clb;
  return null;
}

export const LANGUAGE_NAMES: Record<Language, string> = { english: "English", french: "French" };
