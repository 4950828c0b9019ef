import type { DrawRecord } from "@/lib/db/draws";
import { buildDistribution, DISTRIBUTION_BUCKETS } from "@/lib/draws/distribution";
import type { NormalisedRound } from "@/lib/draws/round";

/**
 * A CEC round held `at` (today), as the importer receives it from IRCC's feed: the latest CEC
 * round's programs and name, a cut-off a little above it, a tie-break time two weeks earlier and
 * no pool distribution yet.
 */
export function benchRound(latestCec: DrawRecord, number: string, at: Date): NormalisedRound {
  const drawnAt = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return {
    number,
    date: drawnAt.toISOString().slice(0, 10),
    drawnAt: drawnAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    tieBreakAt: new Date(drawnAt.getTime() - 14 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    size: 3000,
    cutoff: latestCec.cutoff + 3,
    name: latestCec.name,
    kind: "cec",
    categoryVersion: null,
    programs: latestCec.programs.length ? latestCec.programs : ["CEC"],
    distributionAsOf: null,
    distribution: buildDistribution(DISTRIBUTION_BUCKETS.map(() => null)).buckets,
  };
}
