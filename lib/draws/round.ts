/**
 * A draw (round of invitations) as DrawDesk stores it, whatever its source: IRCC's feed, a file
 * upload or a manual entry. The schema is shared by the importer, forms and the database layer.
 */
import { z } from "@/lib/zod";
import { CRS_MAX, DISTRIBUTION_KEYS, distributionBucketSchema } from "./distribution";
import { DRAW_KINDS, PROGRAMS } from "./kinds";

// Defined beside the distribution rows they check; re-exported where importers have always found them.
export { CRS_MAX, distributionBucketSchema, type DistributionBucket } from "./distribution";

export const normalisedRoundSchema = z.object({
  /** IRCC's draw number, kept as text: "91a" and "91b" exist. */
  number: z.string().trim().min(1),
  /** Draw date, YYYY-MM-DD as IRCC states it. */
  date: z.iso.date(),
  /** When the draw ran, ISO 8601 UTC ("2025-10-29T04:35:24Z"); null when missing or unreadable. */
  drawnAt: z.iso.datetime().nullable(),
  /** Tie-break time, ISO 8601 UTC; null for early rounds that had none, or unreadable text. */
  tieBreakAt: z.iso.datetime().nullable(),
  /** Invitations issued. */
  size: z.number().int().min(1),
  /** Lowest CRS score invited. */
  cutoff: z.number().int().min(0).max(CRS_MAX),
  /** IRCC's drawName, untouched, so an unrecognised kind can be mapped by an admin later. */
  name: z.string(),
  kind: z.enum(DRAW_KINDS),
  /** Category version from the name ("2026-Version 3", "Version 1"), or null. */
  categoryVersion: z.string().min(1).nullable(),
  /** Programs the draw covered, in PROGRAMS order. */
  programs: z.array(z.enum(PROGRAMS)).min(1),
  /** Date of the pool distribution, YYYY-MM-DD; null when IRCC published none for the round. */
  distributionAsOf: z.iso.date().nullable(),
  distribution: z.array(distributionBucketSchema).length(DISTRIBUTION_KEYS.length),
});
export type NormalisedRound = z.infer<typeof normalisedRoundSchema>;

/** The raw feed fields a warning can be about. */
export type RoundField =
  | "drawDate"
  | "drawDateTime"
  | "drawCutOff"
  | "drawName"
  | "drawText2"
  | "drawDistributionAsOn"
  | "distribution";

/** Something the importer kept as missing or could not confirm; shown to the admin with the round. */
export interface RoundWarning {
  /** The round's drawNumber. */
  number: string;
  field: RoundField;
  /** Full sentence naming the round, e.g. `round 208: drawCutOff "…" could not be read (…); kept as missing`. */
  message: string;
}
