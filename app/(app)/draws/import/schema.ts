/**
 * Input of the import page: a feed import (file or URL, previewed then applied) and a round
 * entered by hand. Shared by the forms and the server actions.
 */
import { z } from "@/lib/zod";
import { DRAW_KINDS, PROGRAMS } from "@/lib/draws/kinds";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** 5 MB: IRCC's whole feed is under 1 MB today. */
export const MAX_FEED_FILE_BYTES = 5 * 1024 * 1024;

export const feedImportSchema = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("file"),
    mode: z.enum(["preview", "apply"]),
    digest: z.preprocess(blankToUndefined, z.string().regex(/^[0-9a-f]{64}$/).optional()),
    file: z
      .instanceof(File, { message: "Choose a rounds file (JSON)." })
      .refine((f) => f.size > 0, "The file is empty.")
      .refine((f) => f.size <= MAX_FEED_FILE_BYTES, "The file is larger than 5 MB; IRCC's feed is under 1 MB."),
  }),
  z.object({
    source: z.literal("url"),
    mode: z.enum(["preview", "apply"]),
    digest: z.preprocess(blankToUndefined, z.string().regex(/^[0-9a-f]{64}$/).optional()),
    url: z.string().trim().url("Enter the feed's address, e.g. https://www.canada.ca/…/ee_rounds_123_en.json"),
  }),
]);
export type FeedImportInput = z.infer<typeof feedImportSchema>;

/** Kinds an admin may pick for a hand-entered round ("unrecognised" is the importer's, not a choice). */
export const MANUAL_KINDS = DRAW_KINDS.filter((k) => k !== "unrecognised");

export const manualRoundSchema = z.object({
  number: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9]{1,5}[a-z]?$/, "A draw number such as 420 (a letter after it, as in 91a, is allowed)."),
  date: z.iso.date("Use a date as YYYY-MM-DD."),
  kind: z.enum(MANUAL_KINDS as [string, ...string[]], "Choose the draw's kind."),
  categoryVersion: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
  programs: z.array(z.enum(PROGRAMS)).min(1, "Tick at least one program the round covered."),
  size: z.coerce.number("Enter the number of invitations.").int().min(1, "At least 1 invitation.").max(100_000),
  cutoff: z.coerce.number("Enter the cut-off score.").int().min(0).max(1200, "CRS scores go up to 1,200."),
  /** As IRCC publishes it, in UTC: "2026-11-20T14:30:05" from a datetime-local field. */
  tieBreakAt: z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Use a date and time.").optional()),
});
export type ManualRoundInput = z.infer<typeof manualRoundSchema>;
