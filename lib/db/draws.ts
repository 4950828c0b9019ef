import "server-only";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { isCalendarDate } from "@/lib/dates/calendar-date";
import { DRAW_KINDS, isCategoryKind, type DrawKind, type Program } from "@/lib/draws/kinds";
import type { DistributionBucket } from "@/lib/draws/round";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { categoryLabelSql, isCategorySql } from "./draw-kinds";
import { prisma, Prisma } from "./prisma";

/**
 * The draw ledger: IRCC's rounds, shared reference data. No firm scope (every firm sees the same
 * draws), but only signed-in callers reach these functions.
 */

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

/**
 * When a draw was judged: its time, or the end of its date in UTC when the feed gave none
 * (eligibility.ts `drawInstant`). `alias` is the Draw table's alias in the caller's SQL.
 */
export function drawInstantSql(alias: string): string {
  return `coalesce(${alias}."drawnAt", (${alias}."date" + time '23:59:59.999') AT TIME ZONE 'UTC')`;
}

/** The leading digits of a draw number as a number ("91a" → 91), 0 without any. */
function drawNumberKeySql(alias: string): string {
  return `coalesce(nullif(substring(${alias}."number" from '^[0-9]+'), '')::numeric, 0)`;
}

/**
 * Chronological order of draws: the instant, then the number read as a number ("91a" before
 * "91b", "100" after "99") for rounds held on the same day without a published time.
 */
export function drawOrderSql(alias: string, direction: "ASC" | "DESC" = "ASC"): string {
  return [drawInstantSql(alias), drawNumberKeySql(alias), `${alias}."number"`].map((key) => `${key} ${direction}`).join(", ");
}

/** The same keys as a row value, for "before this draw" comparisons. */
export function drawOrderRowSql(alias: string): string {
  return `(${drawInstantSql(alias)}, ${drawNumberKeySql(alias)}, ${alias}."number")`;
}

const RECORD_COLUMNS = `d."number", d."date", d."drawnAt", d."tieBreakAt", d."size", d."cutoff", d."name", d."kind",
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

function toDrawDetail(row: DrawRow): DrawDetail {
  return {
    ...toDrawRecord(row),
    distributionAsOf: row.distributionAsOf ? day(row.distributionAsOf) : null,
    distribution: (row.distribution ?? []) as DistributionBucket[],
  };
}

export const DRAW_SORTS = ["newest", "oldest", "cutoff_desc", "cutoff_asc", "size_desc", "size_asc"] as const;
export type DrawSort = (typeof DRAW_SORTS)[number];

const SORT_SQL: Record<DrawSort, string> = {
  newest: drawOrderSql("d", "DESC"),
  oldest: drawOrderSql("d", "ASC"),
  cutoff_desc: `d."cutoff" DESC, ${drawOrderSql("d", "DESC")}`,
  cutoff_asc: `d."cutoff" ASC, ${drawOrderSql("d", "DESC")}`,
  size_desc: `d."size" DESC, ${drawOrderSql("d", "DESC")}`,
  size_asc: `d."size" ASC, ${drawOrderSql("d", "DESC")}`,
};

export const MAX_DRAWS_PAGE_SIZE = 500;

export interface ListDrawsOptions {
  kind?: DrawKind | DrawKind[];
  /** Draw dates from/to, inclusive, "YYYY-MM-DD". */
  from?: CalendarDate;
  to?: CalendarDate;
  sort?: DrawSort;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface DrawsPage {
  draws: DrawRecord[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

function checkOptions(options: ListDrawsOptions): void {
  const issues: { path: string; message: string }[] = [];
  for (const field of ["from", "to"] as const) {
    const value = options[field];
    if (value !== undefined && !isCalendarDate(value)) issues.push({ path: field, message: "Use a date as YYYY-MM-DD." });
  }
  if (options.sort !== undefined && !DRAW_SORTS.includes(options.sort)) issues.push({ path: "sort", message: "Unknown sort." });
  if (options.page !== undefined && !(Number.isInteger(options.page) && options.page >= 1)) {
    issues.push({ path: "page", message: "Page numbers start at 1." });
  }
  if (options.pageSize !== undefined && !(Number.isInteger(options.pageSize) && options.pageSize >= 1 && options.pageSize <= MAX_DRAWS_PAGE_SIZE)) {
    issues.push({ path: "pageSize", message: `Page size must be between 1 and ${MAX_DRAWS_PAGE_SIZE}.` });
  }
  if (issues.length > 0) throw new InvalidInputError("The draw filter is not valid.", issues);
}

/** The ledger, filtered, sorted and paginated on the server. */
export async function listDraws(options: ListDrawsOptions = {}): Promise<DrawsPage> {
  checkOptions(options);
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? 50;
  const kinds = options.kind === undefined ? null : [options.kind].flat();
  const where = Prisma.sql`WHERE (${kinds}::text[] IS NULL OR d."kind" = ANY(${kinds}::text[]))
    AND (${options.from ?? null}::date IS NULL OR d."date" >= ${options.from ?? null}::date)
    AND (${options.to ?? null}::date IS NULL OR d."date" <= ${options.to ?? null}::date)`;
  const [rows, counted] = await Promise.all([
    prisma().$queryRaw<DrawRow[]>`SELECT ${Prisma.raw(RECORD_COLUMNS)} FROM "Draw" d ${where}
      ORDER BY ${Prisma.raw(SORT_SQL[options.sort ?? "newest"])} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    prisma().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Draw" d ${where}`,
  ]);
  const total = counted[0]?.total ?? 0;
  return { draws: rows.map(toDrawRecord), total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One draw with its pool distribution; NotFoundError when the number is not in the ledger. */
export async function getDraw(number: string): Promise<DrawDetail> {
  const rows = await prisma().$queryRaw<DrawRow[]>`SELECT ${Prisma.raw(RECORD_COLUMNS)}, d."distributionAsOf", d."distribution"
    FROM "Draw" d WHERE d."number" = ${number.trim()}`;
  if (rows.length === 0) throw new NotFoundError(`Draw ${number}`);
  return toDrawDetail(rows[0]);
}

/** The newest draw, of one kind when given; null when the ledger has none. */
export async function latestDraw(kind?: DrawKind): Promise<DrawRecord | null> {
  const rows = await prisma().$queryRaw<DrawRow[]>`SELECT ${Prisma.raw(RECORD_COLUMNS)} FROM "Draw" d
    WHERE (${kind ?? null}::text IS NULL OR d."kind" = ${kind ?? null}::text)
    ORDER BY ${Prisma.raw(drawOrderSql("d", "DESC"))} LIMIT 1`;
  return rows[0] ? toDrawRecord(rows[0]) : null;
}

/** The draw of the same kind just before `draw` (null for the first of its kind): "newly above" compares with it. */
export async function previousDrawOfKind(draw: Pick<DrawRecord, "number">): Promise<DrawRecord | null> {
  const rows = await prisma().$queryRaw<DrawRow[]>`SELECT ${Prisma.raw(RECORD_COLUMNS)} FROM "Draw" d
    JOIN "Draw" cur ON cur."number" = ${draw.number}
    WHERE d."kind" = cur."kind" AND ${Prisma.raw(drawOrderRowSql("d"))} < ${Prisma.raw(drawOrderRowSql("cur"))}
    ORDER BY ${Prisma.raw(drawOrderSql("d", "DESC"))} LIMIT 1`;
  return rows[0] ? toDrawRecord(rows[0]) : null;
}

export interface LatestOfKind {
  draw: DrawRecord;
  previousNumber: string | null;
  previousCutoff: number | null;
  /** cutoff - previous cutoff; null for the first draw of its kind. */
  cutoffChange: number | null;
}

/** The newest draw of each kind with the change from the one before it, newest first (dashboard). */
export async function latestDrawsPerKind(): Promise<LatestOfKind[]> {
  const rows = await prisma().$queryRaw<(DrawRow & { previousNumber: string | null; previousCutoff: number | null })[]>`
    SELECT * FROM (
      SELECT ${Prisma.raw(RECORD_COLUMNS)},
        lag(d."number") OVER w AS "previousNumber", lag(d."cutoff") OVER w AS "previousCutoff",
        row_number() OVER (PARTITION BY d."kind" ORDER BY ${Prisma.raw(drawOrderSql("d", "DESC"))}) AS rank,
        ${Prisma.raw(drawInstantSql("d"))} AS at
      FROM "Draw" d
      WINDOW w AS (PARTITION BY d."kind" ORDER BY ${Prisma.raw(drawOrderSql("d", "ASC"))})
    ) ranked WHERE rank = 1 ORDER BY at DESC, "number" DESC`;
  return rows.map((row) => ({
    draw: toDrawRecord(row),
    previousNumber: row.previousNumber,
    previousCutoff: row.previousCutoff,
    cutoffChange: row.previousCutoff === null ? null : row.cutoff - row.previousCutoff,
  }));
}

/** Kinds that have at least one draw, in DRAW_KINDS order (the ledger's kind filter). */
export async function drawKindsPresent(): Promise<DrawKind[]> {
  const rows = await prisma().$queryRaw<{ kind: string }[]>`SELECT DISTINCT d."kind" FROM "Draw" d`;
  const present = new Set(rows.map((r) => r.kind));
  return DRAW_KINDS.filter((kind) => present.has(kind));
}
