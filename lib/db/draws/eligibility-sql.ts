import "server-only";
import { INVITED_STATUSES } from "@/lib/clients/status";
import { DEFAULT_TIME_ZONE } from "@/lib/dates/time-zone";
import { PROFILE_VALIDITY_MONTHS } from "@/lib/deadlines/expiry";
import type { IneligibleReason } from "@/lib/draws/eligibility";
import { PROGRAMS } from "@/lib/draws/kinds";
// Whether a kind is a category comes from the CategoryKind table, so new categories match at once.
import { isCategorySql } from "./kinds";
import { drawInstantSql, drawOrderRowSql, drawOrderSql } from "./order-sql";

/**
 * "Who a draw invites", as SQL: PRODUCT.md's rule exactly as lib/draws/eligibility.ts states it
 * (the reference; the parity test in draws/results.integration.test.ts holds the two together).
 * Written once, as fragments over a client alias (with an "outOfPoolAt" column, see
 * `outOfPoolAtSql`), a draw alias (with the `drawExtrasSql` columns) and a CRS expression; the
 * stored per-round results (results-sql.ts), the live draw page and the client page all use them.
 */

export const INVITED_SQL = `ARRAY[${INVITED_STATUSES.map((s) => `'${s}'`).join(",")}]::"ClientStatus"[]`;
const PROGRAMS_SQL = `ARRAY[${PROGRAMS.map((p) => `'${p}'`).join(",")}]::text[]`;

/** What the rule reads of a draw besides its columns: the instant, the programs covered, whether a category applies. */
export function drawExtrasSql(d: string): string {
  // An empty program list (a hand-entered round) covers every program, as in eligibility.ts.
  return `${drawInstantSql(d)} AS at,
    CASE WHEN coalesce(cardinality(${d}."programs"), 0) = 0 THEN ${PROGRAMS_SQL} ELSE ${d}."programs" END AS covered,
    ${isCategorySql(d)} AS "isCategory"`;
}

/** The draw of the same kind just before draw `d` (previousDrawOfKind), with the rule's extra columns; for a LATERAL join. */
export function previousOfKindSql(d: string): string {
  return `SELECT p.*, ${drawExtrasSql("p")} FROM "Draw" p
    WHERE p."kind" = ${d}."kind" AND ${drawOrderRowSql("p")} < ${drawOrderRowSql(d)}
    ORDER BY ${drawOrderSql("p", "DESC")} LIMIT 1`;
}

/**
 * The first instant the profile is out of the pool: the start of the day after its expiry date in
 * the firm's zone; without a stored date, eligibility.ts's fallback (12 months after submission,
 * in DEFAULT_TIME_ZONE). PostgreSQL clamps Feb 29 + 12 months the way date-fns does.
 */
export function outOfPoolAtSql(c: string, firmTimeZone: string): string {
  const fallback = `((${c}."profileSubmittedAt" AT TIME ZONE '${DEFAULT_TIME_ZONE}')::date + interval '${PROFILE_VALIDITY_MONTHS} months')::date`;
  return `coalesce((${c}."profileExpiresOn" + 1)::timestamp AT TIME ZONE ${firmTimeZone},
    (${fallback} + 1)::timestamp AT TIME ZONE '${DEFAULT_TIME_ZONE}')`;
}

/** eligibility.ts's reasons, each an independent non-null test, in INELIGIBLE_REASONS order. */
export function reasonsSql(c: string, d: string, crs: string): string {
  const notInPool = `(${c}."status" = 'prospect' OR ${c}."profileSubmittedAt" IS NULL OR ${c}."profileSubmittedAt" > ${d}.at)`;
  const nominated = `(${c}."nominationProvince" IS NOT NULL AND ${c}."nominationProvince" !~ '^\\s*$'
      AND (${c}."nominatedOn" IS NULL OR ${c}."nominatedOn" <= ${d}."date"))`;
  const checks: [IneligibleReason, string][] = [
    ["withdrawn", `${c}."status" = 'withdrawn'`],
    ["closed", `${c}."status" = 'closed'`],
    ["not_in_pool", notInPool],
    ["profile_expired", `NOT ${notInPool} AND ${c}."outOfPoolAt" <= ${d}.at`],
    // An ITA only removes the client from later draws; unknown ITA time: out of every draw.
    ["already_invited", `${c}."status" = ANY(${INVITED_SQL}) AND (${c}."invitedAt" IS NULL OR ${c}."invitedAt" < ${d}.at)`],
    ["language_test_expired", `coalesce(${c}."languageTestExpiresOn" < ${d}."date", false)`],
    ["no_program", `NOT (coalesce(${c}."programs", '{}') && ${d}.covered)`],
    ["no_nomination", `${d}."kind" = 'pnp' AND NOT ${nominated}`],
    ["no_category", `${d}."isCategory" AND NOT coalesce(${d}."kind" = ANY(${c}."categories"), false)`],
    ["no_score", `${crs} IS NULL`],
  ];
  return `array_remove(ARRAY[${checks.map(([reason, test]) => `CASE WHEN ${test} THEN '${reason}' END`).join(",\n      ")}]::text[], NULL)`;
}

/** isAboveCutoff: an equal score is invited when submitted by the tie-break time, or when the round published none. */
export function clearsCutoffSql(c: string, d: string, crs: string): string {
  return `(${crs} > ${d}."cutoff" OR (${crs} = ${d}."cutoff"
    AND (${d}."tieBreakAt" IS NULL OR coalesce(${c}."profileSubmittedAt" <= ${d}."tieBreakAt", false))))`;
}

/** Eligible and clearing the cut-off, never null (eligibility.ts `clearsDraw`). */
export function clearsDrawSql(c: string, d: string, crs: string): string {
  return `coalesce(cardinality(${reasonsSql(c, d, crs)}) = 0 AND ${clearsCutoffSql(c, d, crs)}, false)`;
}

export function tieBreakSql(c: string, d: string, crs: string): string {
  return `CASE WHEN ${crs} IS NULL OR ${crs} <> ${d}."cutoff" OR ${c}."profileSubmittedAt" IS NULL THEN 'not_applicable'
    WHEN ${d}."tieBreakAt" IS NULL THEN 'no_tie_break_time'
    WHEN ${c}."profileSubmittedAt" <= ${d}."tieBreakAt" THEN 'before' ELSE 'after' END`;
}

/** The score in effect at the draw: one probe of the (firmId, clientId, effectiveAt DESC) index per client. */
export function crsAsOfSql(c: string, d: string): string {
  return `SELECT s."crs" FROM "CrsScore" s
    WHERE s."firmId" = ${c}."firmId" AND s."clientId" = ${c}."id" AND s."effectiveAt" <= ${d}.at
    ORDER BY s."effectiveAt" DESC LIMIT 1`;
}

/**
 * The same rule for all of a firm's clients at once: one pass over the firm's scores per round,
 * each client's latest at or before the draw (rows: "clientId", "crs").
 */
export function crsAsOfScanSql(firmId: string, d: string): string {
  return `SELECT DISTINCT ON (s."clientId") s."clientId", s."crs" FROM "CrsScore" s
    WHERE s."firmId" = ${firmId} AND s."effectiveAt" <= ${d}.at
    ORDER BY s."clientId", s."effectiveAt" DESC`;
}
