import "server-only";
import type { Scope } from "@/lib/auth/scope";
import type { IneligibleReason } from "@/lib/draws/eligibility";
import { InvalidInputError } from "@/lib/errors";
import { getDraw, previousDrawOfKind } from "./find";
import type { DrawDetail, DrawRecord } from "./record";
import { getFirm } from "../firms";
import { prisma } from "../prisma";
import { impactReadQuery, type ImpactRow, type ImpactSqlRow } from "./impact-read";
import { ensureRoundsStored, IMPACT_PLANNER_SETTING } from "./results-store";

export { INELIGIBLE_CLOSE_LIMIT, type ImpactRow } from "./impact-read";

/**
 * The draw page (and its exports, and `npm run draws:impact`): which of the caller's clients a
 * round hits. With the firm's margin it reads the stored DrawResult (computed once per firm and
 * round, kept current by client edits: results-store.ts); another margin is answered live by the
 * same classifying statement.
 */

export interface ImpactCounts {
  above: number;
  newlyAbove: number;
  nearMiss: number;
}

export interface DrawImpact {
  draw: DrawDetail;
  previousDraw: DrawRecord | null;
  /** The near-miss margin applied. */
  margin: number;
  closeMargin: number;
  above: ImpactRow[];
  newlyAbove: ImpactRow[];
  nearMiss: ImpactRow[];
  /** The closest INELIGIBLE_CLOSE_LIMIT of them, nearest the cut-off first. */
  ineligibleClose: (ImpactRow & { reasons: IneligibleReason[] })[];
  ineligibleCloseTotal: number;
  /** Teams and consultants with at least one client above or near; largest first. */
  countsByTeam: ({ teamId: string; teamName: string } & ImpactCounts)[];
  countsByConsultant: ({ consultantId: string | null; consultantName: string | null } & ImpactCounts)[];
}

export interface DrawImpactOptions {
  /** Near-miss margin in CRS points; default: the firm's nearMissMargin. */
  margin?: number;
  teamId?: string;
  consultantId?: string;
  /** How far below the cut-off an ineligible client in the pool is still listed; default: margin. */
  closeMargin?: number;
}

function checkMargin(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= 1200)) {
    throw new InvalidInputError(`The ${name} must be a whole number of CRS points from 0 to 1,200.`, [
      { path: name, message: "Whole number from 0 to 1,200." },
    ]);
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id would fail the ::uuid cast as a database error; it names nothing, so say so. */
function checkId(name: string, value: string | undefined): void {
  if (value !== undefined && !UUID.test(value)) throw new InvalidInputError(`Unknown ${name}.`, [{ path: name, message: "Not a valid id." }]);
}

function toImpactRow(r: ImpactSqlRow): ImpactRow {
  return {
    clientId: r.clientId,
    firstName: r.firstName,
    lastName: r.lastName,
    profileNumber: r.profileNumber,
    teamId: r.teamId,
    teamName: r.teamName,
    consultantId: r.consultantId,
    consultantName: r.consultantName,
    crs: r.crs,
    margin: r.margin,
    profileSubmittedAt: r.profileSubmittedAt,
    tieBreak: r.tieBreak,
    status: r.status,
  };
}

const isAbove = (r: ImpactSqlRow) => r.result === "above" || r.result === "newly_above";

/** Per-team or per-consultant totals of the listed clients, largest first. */
function countBy<T extends object>(rows: ImpactSqlRow[], key: (row: ImpactSqlRow) => string | null, label: (row: ImpactSqlRow) => T): (T & ImpactCounts)[] {
  const counts = new Map<string | null, T & ImpactCounts>();
  for (const row of rows) {
    if (row.result === "ineligible_close") continue;
    let entry = counts.get(key(row));
    if (!entry) counts.set(key(row), (entry = { ...label(row), above: 0, newlyAbove: 0, nearMiss: 0 }));
    if (isAbove(row)) entry.above++;
    if (row.result === "newly_above") entry.newlyAbove++;
    if (row.result === "near_miss") entry.nearMiss++;
  }
  return [...counts.values()].sort((a, b) => b.above - a.above || b.nearMiss - a.nearMiss);
}

/**
 * Reading a stored round touches only its listed rows (a few thousand at most for a firm of
 * 100,000) and each one's client by key: nested loops are always the plan. Left to its estimates
 * — a round recomputed moments ago has stale statistics — the planner sometimes hashed or merged
 * them against a scan of every client of the firm, 1.5 to 2 times slower (measured at 100,000
 * clients); with them off it keeps the probes and may still split the work across workers.
 * One statement, in the query's transaction (set_config's third argument: local).
 */
const STORED_READ_PLANNER_SETTING = "SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)";

/**
 * The scoped clients above the cut-off, newly above (not above the previous draw of the kind,
 * with the score as of that draw), near misses, and ineligible clients in the pool who would have
 * been close — each sorted by margin, then last name.
 */
export async function drawImpact(scope: Scope, drawNumber: string, options: DrawImpactOptions = {}): Promise<DrawImpact> {
  checkMargin("margin", options.margin);
  checkMargin("closeMargin", options.closeMargin);
  checkId("teamId", options.teamId);
  checkId("consultantId", options.consultantId);
  const [draw, previousDraw, firm] = await Promise.all([getDraw(drawNumber), previousDrawOfKind({ number: drawNumber.trim() }), getFirm(scope)]);
  const margin = options.margin ?? firm.nearMissMargin;
  const closeMargin = options.closeMargin ?? margin;
  // Stored rows hold both lists at the firm's margin; any other margin is classified live.
  const stored = margin === firm.nearMissMargin && closeMargin === margin;
  if (stored) await ensureRoundsStored(scope.firmId, [draw.number]);
  const query = impactReadQuery(scope, {
    drawNumber: draw.number,
    teamId: options.teamId ?? null,
    consultantId: options.consultantId ?? null,
    live: stored ? null : { margin, closeMargin, timeZone: firm.timeZone },
  });
  const [, rows] = await prisma().$transaction([
    prisma().$executeRawUnsafe(stored ? STORED_READ_PLANNER_SETTING : IMPACT_PLANNER_SETTING),
    prisma().$queryRawUnsafe<ImpactSqlRow[]>(query.sql, ...query.params),
  ]);
  return {
    draw,
    previousDraw,
    margin,
    closeMargin,
    above: rows.filter(isAbove).map(toImpactRow),
    newlyAbove: rows.filter((r) => r.result === "newly_above").map(toImpactRow),
    nearMiss: rows.filter((r) => r.result === "near_miss").map(toImpactRow),
    ineligibleClose: rows.filter((r) => r.result === "ineligible_close").map((r) => ({ ...toImpactRow(r), reasons: r.reasons })),
    ineligibleCloseTotal: Number(rows[0]?.ineligibleCloseTotal ?? 0),
    countsByTeam: countBy(rows, (r) => r.teamId, (r) => ({ teamId: r.teamId, teamName: r.teamName })),
    countsByConsultant: countBy(rows, (r) => r.consultantId, (r) => ({ consultantId: r.consultantId, consultantName: r.consultantName })),
  };
}
