/**
 * The pool's CRS score distribution that IRCC publishes with each round (fields dd1..dd18).
 * Pure data and arithmetic, no framework imports; the bucket schema lives here too, beside the
 * rows it checks, so round.ts imports this file and never the other way round.
 */
import { z } from "@/lib/zod";

export const BUCKET_ROLES = ["range", "subtotal", "total"] as const;
export type BucketRole = (typeof BUCKET_ROLES)[number];

/**
 * IRCC's rows in feed order. The rows overlap: 451–500 and 401–450 are sums of the ten-point
 * rows after them, and dd18 is the whole pool. Only the "range" rows tile 0–1200 without
 * overlap, so a chart or a sum must use those and nothing else.
 */
export const DISTRIBUTION_BUCKETS = [
  { key: "dd1", min: 601, max: 1200, role: "range" },
  { key: "dd2", min: 501, max: 600, role: "range" },
  { key: "dd3", min: 451, max: 500, role: "subtotal" },
  { key: "dd4", min: 491, max: 500, role: "range" },
  { key: "dd5", min: 481, max: 490, role: "range" },
  { key: "dd6", min: 471, max: 480, role: "range" },
  { key: "dd7", min: 461, max: 470, role: "range" },
  { key: "dd8", min: 451, max: 460, role: "range" },
  { key: "dd9", min: 401, max: 450, role: "subtotal" },
  { key: "dd10", min: 441, max: 450, role: "range" },
  { key: "dd11", min: 431, max: 440, role: "range" },
  { key: "dd12", min: 421, max: 430, role: "range" },
  { key: "dd13", min: 411, max: 420, role: "range" },
  { key: "dd14", min: 401, max: 410, role: "range" },
  { key: "dd15", min: 351, max: 400, role: "range" },
  { key: "dd16", min: 301, max: 350, role: "range" },
  { key: "dd17", min: 0, max: 300, role: "range" },
  { key: "dd18", min: 0, max: 1200, role: "total" },
] as const satisfies readonly { key: string; min: number; max: number; role: BucketRole }[];

export type DistributionKey = (typeof DISTRIBUTION_BUCKETS)[number]["key"];
export const DISTRIBUTION_KEYS = DISTRIBUTION_BUCKETS.map((b) => b.key) as [
  DistributionKey,
  ...DistributionKey[],
];

/** CRS scores run from 0 to 1,200. */
export const CRS_MAX = 1200;

export const distributionBucketSchema = z.object({
  key: z.enum(DISTRIBUTION_KEYS),
  min: z.number().int().min(0).max(CRS_MAX),
  max: z.number().int().min(0).max(CRS_MAX),
  role: z.enum(BUCKET_ROLES),
  count: z.number().int().min(0).nullable(),
});
export type DistributionBucket = z.infer<typeof distributionBucketSchema>;

/**
 * Builds the 18 buckets from counts in feed order (null = not given).
 * IRCC did not publish the distribution before 2022 and for some rounds since, and fills every
 * dd field with "0" instead of leaving it out. A pool of zero candidates never happened, so a
 * distribution that is all zeros means "not published": every count becomes null and
 * `published` is false.
 */
export function buildDistribution(counts: ReadonlyArray<number | null>): {
  buckets: DistributionBucket[];
  published: boolean;
} {
  if (counts.length !== DISTRIBUTION_BUCKETS.length) {
    throw new RangeError(`expected ${DISTRIBUTION_BUCKETS.length} counts, got ${counts.length}`);
  }
  const published = counts.some((count) => count !== null && count !== 0);
  const buckets = DISTRIBUTION_BUCKETS.map((bucket, i) => ({
    key: bucket.key,
    min: bucket.min,
    max: bucket.max,
    role: bucket.role,
    count: published ? counts[i] : null,
  }));
  return { buckets, published };
}

/**
 * The rows directly under a subtotal or total: for 451–500 its five ten-point rows, for the total
 * the rows that no subtotal covers plus the two subtotals (the way IRCC itself adds them up).
 */
function partsOf(row: DistributionBucket, buckets: readonly DistributionBucket[]) {
  const inside = (inner: DistributionBucket, outer: DistributionBucket) =>
    inner !== outer && inner.min >= outer.min && inner.max <= outer.max;
  const within = buckets.filter((b) => b.role !== "total" && inside(b, row));
  return within.filter((b) => !within.some((other) => other.role === "subtotal" && inside(b, other)));
}

/**
 * Checks that each subtotal and the total equal the sum of their rows. The rows are typed by
 * hand at IRCC and do not always add up (round 247 has 55,867 for 451–500 while its rows sum to
 * 55,687), so the importer reports the mismatch rather than silently trusting either side.
 */
export function checkDistribution(buckets: readonly DistributionBucket[]): string[] {
  const problems: string[] = [];
  for (const row of buckets) {
    if (row.role === "range" || row.count === null) continue;
    const parts = partsOf(row, buckets);
    if (parts.some((p) => p.count === null)) continue;
    const sum = parts.reduce((total, p) => total + (p.count ?? 0), 0);
    if (sum !== row.count) {
      const label = row.role === "total" ? "total" : `${row.min}–${row.max}`;
      problems.push(
        `${row.key} (${label}) is ${formatCount(row.count)} but its rows sum to ${formatCount(sum)}`,
      );
    }
  }
  return problems;
}

function formatCount(n: number): string {
  return n.toLocaleString("en-CA");
}
