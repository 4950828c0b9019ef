import "server-only";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { isCategoryKind, type DrawKind, type Program } from "@/lib/draws/kinds";
import type { DistributionBucket } from "@/lib/draws/round";
import { categoryLabelSql, isCategorySql } from "./kinds";

/** A draw as the app reads it: dates as "YYYY-MM-DD", instants as ISO strings (an EligibilityDraw). */
export interface DrawRecord {
  number: string;
  date: CalendarDate;
  drawnAt: string | null;
  tieBreakAt: string | null;
  size: number;
  cutoff: number;
  name: string;
  kind: DrawKind;
  categoryVersion: string | null;
  programs: Program[];
  provisional: boolean;
  /** The kind is a category (CategoryKind table): a client must hold it. */
  isCategory: boolean;
  /** The label of a category kind an administrator created; null for built-in kinds (DRAW_KIND_LABELS). */
  kindLabel: string | null;
}

export interface DrawDetail extends DrawRecord {
  distributionAsOf: CalendarDate | null;
  distribution: DistributionBucket[];
}

/** The columns toDrawRecord reads, for a query whose Draw alias is `d`. */
export const RECORD_COLUMNS = `d."number", d."date", d."drawnAt", d."tieBreakAt", d."size", d."cutoff", d."name", d."kind",
  d."categoryVersion", d."programs", d."provisional", ${isCategorySql("d")} AS "isCategory", ${categoryLabelSql("d")} AS "kindLabel"`;

/** A Draw row as raw queries return it. */
export interface DrawRow {
  number: string;
  date: Date;
  drawnAt: Date | null;
  tieBreakAt: Date | null;
  size: number;
  cutoff: number;
  name: string;
  kind: string;
  categoryVersion: string | null;
  programs: string[] | null;
  provisional: boolean;
  isCategory?: boolean;
  kindLabel?: string | null;
  distributionAsOf?: Date | null;
  distribution?: unknown;
}

const day = (d: Date): CalendarDate => d.toISOString().slice(0, 10);

export function toDrawRecord(row: DrawRow): DrawRecord {
  return {
    number: row.number,
    date: day(row.date),
    drawnAt: row.drawnAt?.toISOString() ?? null,
    tieBreakAt: row.tieBreakAt?.toISOString() ?? null,
    size: row.size,
    cutoff: row.cutoff,
    name: row.name,
    // Stored kinds come from classifyDrawName (DRAW_KINDS) or an administrator's mapping, which
    // may name a category created since (CategoryKind): labelled by kindLabel, matched by isCategory.
    kind: row.kind as DrawKind,
    categoryVersion: row.categoryVersion,
    programs: (row.programs ?? []) as Program[],
    provisional: row.provisional,
    isCategory: row.isCategory ?? isCategoryKind(row.kind),
    kindLabel: row.kindLabel ?? null,
  };
}

export function toDrawDetail(row: DrawRow): DrawDetail {
  return {
    ...toDrawRecord(row),
    distributionAsOf: row.distributionAsOf ? day(row.distributionAsOf) : null,
    distribution: (row.distribution ?? []) as DistributionBucket[],
  };
}
