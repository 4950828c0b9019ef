/**
 * The Comprehensive Ranking System score of one profile. Pure and synchronous: the roster scores
 * 100,000 clients at a time, so this does table lookups only (no dates, no I/O, no validation —
 * parse with crsInputSchema first).
 *
 * The section modules copy what they import into local constants at load time. Under tsx (the
 * CLI) an imported name compiles to a getter call on the exporting module, and those calls were
 * more than half the per-profile time; local constants cut 100,000 profiles from ~190 ms to ~70 ms.
 */
import { additionalLines } from "./additional";
import { coreLines } from "./core";
import type { CrsLine, CrsResult } from "./result";
import type { CrsInput } from "./schema";
import { spouseLines } from "./spouse-factors";
import { transferabilityLines } from "./transferability";

export function calculateCrs(input: CrsInput): CrsResult {
  // The column follows hasAccompanyingSpouse alone (a spouse who is a citizen/PR or stays behind is
  // scored "without"); spouse factors need the spouse's data, which the schema requires here.
  const withSpouse = input.hasAccompanyingSpouse;
  const breakdown: CrsLine[] = [];
  const core = coreLines(input, withSpouse, breakdown);
  const spouse = withSpouse && input.spouse ? spouseLines(input.spouse, breakdown) : 0;
  const transferability = transferabilityLines(input, breakdown);
  const additional = additionalLines(input, breakdown);
  return { total: core + spouse + transferability + additional, core, spouse, transferability, additional, breakdown };
}
