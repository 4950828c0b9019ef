import "server-only";
import type { CalendarDate } from "@/lib/dates/calendar-date";
import { isCalendarDate } from "@/lib/dates/calendar-date";
import type { DrawKind } from "@/lib/draws/kinds";
import { InvalidInputError } from "@/lib/errors";
import { prisma, Prisma } from "../prisma";
import { drawOrderSql } from "./order-sql";
import { type DrawRecord, type DrawRow, RECORD_COLUMNS, toDrawRecord } from "./record";

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
