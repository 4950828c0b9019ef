// SQL fragments ordering draws chronologically; every query over "Draw" orders with these.

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
