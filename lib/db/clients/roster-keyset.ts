import "server-only";
import { type RosterCursor, type RosterSort, SORT_KEY_TYPES, type SortKeyType } from "@/lib/clients/roster-cursor";
import { InvalidInputError } from "@/lib/errors";
import { type Params, ROSTER_SORT_KEYS, SORT_JOINS } from "./roster-sql";

/**
 * The roster page's rows by keyset: "the next N rows after this one in the sort order", never
 * OFFSET, so a deep page reads what the first does.
 *
 * Every sort is a total order: its keys, then the id. Only a sort's first key may be NULL (NULLS
 * LAST both ways), so the rows fall into two runs — first key set, then first key NULL — each
 * ordered by plain row comparison, `(k0, k1, id) > ($1, $2, $3)`, which PostgreSQL answers from
 * the roster indexes as a range start. Each run is fetched with its own LIMIT and the two are
 * glued in order; a run that lies wholly before the cursor is not read at all.
 *
 * Going back ("before" a row) walks the same runs in the opposite direction and the page is
 * turned around afterwards (rows come out in screen order either way).
 */

const CASTS: Record<SortKeyType, string> = { text: "text", int: "int", instant: "timestamptz", date: "date", status: `"ClientStatus"` };

interface Run {
  /** Position in screen order: 0 = first key set, 1 = first key NULL. */
  ord: number;
  filter: string;
  /** Key indexes this run orders by (the NULL first key left out of run 1). */
  keyIndexes: number[];
}

export interface KeysetPageSql {
  /** SELECT id, ord, k0… of at most `limit` + 1 rows (the extra one says whether more lie that way). */
  sql: string;
  /** Screen order over the page's aliases, for the outer json_agg. */
  screenOrder: (alias: string) => string;
  /** json_build_array of the sort key values, to make the next cursors from. */
  keysJson: (alias: string) => string;
}

/** Refuses a cursor made for another sort: its values would place the page at random. */
export function checkCursor(cursor: RosterCursor | undefined, sort: RosterSort, dir: "asc" | "desc"): void {
  if (cursor && (cursor.sort !== sort || cursor.dir !== dir)) {
    throw new InvalidInputError("That page link belongs to a different sort order.", [{ path: "cursor", message: "Made for another sort order." }]);
  }
}

export function keysetPageSql(options: {
  sort: RosterSort;
  dir: "asc" | "desc";
  cursor?: RosterCursor;
  source: string;
  where: string;
  limit: string;
  params: Params;
}): KeysetPageSql {
  const { sort, dir, cursor, source, where, limit, params } = options;
  checkCursor(cursor, sort, dir);
  const spec = ROSTER_SORT_KEYS[sort];
  const { types, nullable } = SORT_KEY_TYPES[sort];
  if (types.length !== spec.keys.length) throw new Error(`roster sort ${sort}: ${spec.keys.length} keys but ${types.length} types`);
  const back = cursor?.side === "before";
  const forward = dir === "asc" ? "ASC" : "DESC";
  const flip = (d: "ASC" | "DESC") => (d === "ASC" ? "DESC" : "ASC");
  const walk = back ? flip(forward) : forward;
  const all = spec.keys.map((_, i) => i);
  const runs: Run[] = nullable
    ? [
        { ord: 0, filter: `${spec.keys[0]} IS NOT NULL`, keyIndexes: all },
        { ord: 1, filter: `${spec.keys[0]} IS NULL`, keyIndexes: all.slice(1) },
      ]
    : [{ ord: 0, filter: "TRUE", keyIndexes: all }];
  const walked = back ? [...runs].reverse() : runs;
  const cursorOrd = !cursor ? -1 : nullable && cursor.keys[0] === null ? 1 : 0;
  const cursorPos = walked.findIndex((run) => run.ord === cursorOrd);
  const keyColumns = spec.keys.map((key, i) => `${key} AS k${i}`).join(", ");
  const join = spec.join ? SORT_JOINS[spec.join] : "";

  const selects = walked.flatMap((run, pos) => {
    if (cursor && pos < cursorPos) return [];
    const conditions = [where, run.filter];
    if (cursor && pos === cursorPos) {
      const left = [...run.keyIndexes.map((i) => spec.keys[i]), `c."id"`];
      const right = [...run.keyIndexes.map((i) => params.add(cursor.keys[i], CASTS[types[i]])), params.add(cursor.id, "uuid")];
      conditions.push(`(${left.join(", ")}) ${walk === "ASC" ? ">" : "<"} (${right.join(", ")})`);
    }
    const order = [...run.keyIndexes.map((i) => `${spec.keys[i]} ${walk}`), `c."id" ${walk}`].join(", ");
    return [`(SELECT c."id", ${run.ord} AS ord, ${keyColumns} FROM ${source} ${join} WHERE ${conditions.join(" AND ")} ORDER BY ${order} LIMIT ${limit} + 1)`];
  });
  // Runs come in screen order whatever the sort direction (NULLS LAST both ways).
  const order = (alias: string, runs: "ASC" | "DESC", d: "ASC" | "DESC") =>
    [`${alias}.ord ${runs}`, ...spec.keys.map((_, i) => `${alias}.k${i} ${d}`), `${alias}."id" ${d}`].join(", ");
  return {
    sql: `SELECT w.* FROM (${selects.join(" UNION ALL ")}) w ORDER BY ${order("w", back ? "DESC" : "ASC", walk)} LIMIT ${limit} + 1`,
    screenOrder: (alias) => order(alias, "ASC", forward),
    keysJson: (alias) => `json_build_array(${spec.keys.map((_, i) => `${alias}.k${i}`).join(", ")})`,
  };
}
