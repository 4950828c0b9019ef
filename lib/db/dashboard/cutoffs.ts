import "server-only";
import { type CalendarDate, isCalendarDate } from "@/lib/dates/calendar-date";
import type { DrawKind } from "@/lib/draws/kinds";
import { InvalidInputError } from "@/lib/errors";
import { categoryLabelSql } from "../draws/kinds";
import { drawOrderSql } from "../draws";
import { prisma } from "../prisma";

// ---------------------------------------------------------------------------------------------
// Ledger: cut-offs over time, and the pool's distribution with the firm's clients on it
// ---------------------------------------------------------------------------------------------

export interface CutoffPoint {
  number: string;
  date: CalendarDate;
  kind: DrawKind;
  /** The label of a category kind an administrator created; null for built-in kinds. */
  kindLabel: string | null;
  cutoff: number;
  size: number;
}

/** Every draw in the range, oldest first, for the chart (a few hundred rows at most: IRCC holds ~50 a year). */
export async function cutoffSeries(filter: { kinds?: DrawKind[]; from?: CalendarDate; to?: CalendarDate } = {}): Promise<CutoffPoint[]> {
  for (const [field, value] of [["from", filter.from], ["to", filter.to]] as const) {
    if (value !== undefined && !isCalendarDate(value)) throw new InvalidInputError("The date range is not valid.", [{ path: field, message: "Use a date as YYYY-MM-DD." }]);
  }
  const kinds = filter.kinds && filter.kinds.length > 0 ? filter.kinds : null;
  return prisma().$queryRawUnsafe<CutoffPoint[]>(
    `SELECT d."number", to_char(d."date", 'YYYY-MM-DD') AS "date", d."kind", ${categoryLabelSql("d")} AS "kindLabel", d."cutoff", d."size" FROM "Draw" d
     WHERE ($1::text[] IS NULL OR d."kind" = ANY($1::text[])) AND ($2::date IS NULL OR d."date" >= $2::date) AND ($3::date IS NULL OR d."date" <= $3::date)
     ORDER BY ${drawOrderSql("d", "ASC")}`,
    kinds,
    filter.from ?? null,
    filter.to ?? null,
  );
}
