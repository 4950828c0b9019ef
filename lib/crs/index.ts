/** The CRS calculator's public API: import from "@/lib/crs". */
export { calculateCrs } from "./calculate";
export { crsInputSchema, describeValue } from "./schema";
export type { ClbScores, CrsInput, CrsInputDraft, LanguageResult, SpouseFactors } from "./schema";
export type { CrsFactor, CrsLine, CrsResult, CrsSection } from "./result";
export { ageOn, nextAnniversary } from "./age";
export { comingCrsChanges } from "./coming-changes";
export { earliestCrsChange, nextCrsChangeOn, nextCrsChanges, type NextCrsChangeFacts, type NextCrsChanges } from "./next-change";
export type { CrsChange, CrsChangeFacts, CrsChangeKind } from "./coming-changes";
export { formatIssues, issuePath } from "./format-issues";
export { frenchBonus } from "./additional";
export * from "./vocabulary";
