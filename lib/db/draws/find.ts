import "server-only";
import { DRAW_KINDS, type DrawKind } from "@/lib/draws/kinds";
import { NotFoundError } from "@/lib/errors";
import { prisma, Prisma } from "../prisma";
import { drawInstantSql, drawOrderRowSql, drawOrderSql } from "./order-sql";
import { type DrawDetail, type DrawRecord, type DrawRow, RECORD_COLUMNS, toDrawDetail, toDrawRecord } from "./record";

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
