import type pg from "pg";
import { seesAllTeams, type Scope } from "@/lib/auth/scope";
import { decodeRosterCursor, encodeRosterCursor, type SortKeyValue } from "@/lib/clients/roster-cursor";
import type { RosterQuery } from "@/lib/clients/roster-query";

/**
 * The roster page written by hand, as a DBA would for the same answer: the page of rows (with team
 * and consultant names), the total matching, and the latest cut-off of each draw kind (the page's
 * margins are computed from those). Plain statements in sequence on one connection, default planner
 * settings; a search collects its hits first, the one trick any DBA applies to a selective filter
 * under ORDER BY … LIMIT. A later page is a keyset page, as the app's: the rows after the cursor's
 * sort keys and id (a row comparison, no OFFSET). Covers the views the benchmark measures (sort by
 * name or CRS, status / program / minimum CRS filters, search, a forward cursor); anything else is
 * refused rather than silently answered wrong.
 */

export interface RawRosterPage {
  ids: string[];
  total: number;
  latest: { kind: string; number: string; cutoff: number }[];
}

const SEARCH = `lower(c."firstName" || ' ' || c."lastName" || ' ' || coalesce(c."email", '') || ' ' || coalesce(c."profileNumber", ''))`;

function statements(scope: Scope, query: RosterQuery): { where: string; after: { sql: string; params: unknown[] } | null; order: string; params: unknown[] } {
  const params: unknown[] = [scope.firmId];
  const where = [`c."firmId" = $1`, `c."deletedAt" IS NULL`, `c."archivedAt" IS NULL`];
  if (!seesAllTeams(scope)) {
    params.push(scope.teamIds);
    where.push(`c."teamId" = ANY($${params.length}::uuid[])`);
  }
  if (query.archived !== "exclude" || query.team.length || query.consultant.length || query.category.length || query.crsMax !== undefined || query.expiringWithin !== undefined || query.cutoff) {
    throw new Error("raw roster: view not covered by the hand-written equivalent");
  }
  if (query.q) {
    params.push(`%${query.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    where.push(`${SEARCH} LIKE $${params.length}`);
  }
  if (query.status.length) {
    params.push(query.status);
    where.push(`c."status" = ANY($${params.length}::"ClientStatus"[])`);
  }
  if (query.program.length) {
    params.push(query.program);
    where.push(`c."programs" && $${params.length}::text[]`);
  }
  if (query.crsMin !== undefined) {
    params.push(query.crsMin);
    where.push(`c."crs" >= $${params.length}`);
  }
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  const keys = SORT_KEYS[query.sort];
  if (!keys) throw new Error(`raw roster: sort ${query.sort} not covered`);
  const order = `${keys.map((k) => `${k} ${dir}${k === `c."crs"` ? " NULLS LAST" : ""}`).join(", ")}, c."id" ${dir}`;
  // The page starts after the cursor (its parameters follow the view's); the total counts the whole view.
  const after = query.cursor ? afterCursor(query, keys, [...params]) : null;
  return { where: where.join(" AND "), after, order, params };
}

/** The sort keys (before the id) of the sorts covered: the app's (lib/db/clients/roster-sql.ts ROSTER_SORT_KEYS). */
const SORT_KEYS: Partial<Record<RosterQuery["sort"], string[]>> = { name: [`c."lastName"`, `c."firstName"`], crs: [`c."crs"`] };

/**
 * The keyset predicate: rows after the cursor's row in the sort order. The CRS sort puts clients
 * without a score last both ways, so after a scored row come the lower (or higher) scores and then
 * every unscored one — left out when a CRS filter already excludes them.
 */
function afterCursor(query: RosterQuery, keys: string[], viewParams: unknown[]): { sql: string; params: unknown[] } {
  const params = viewParams;
  const first = viewParams.length;
  const cursor = decodeRosterCursor(query.cursor!);
  if (!cursor || cursor.side !== "after" || cursor.sort !== query.sort || cursor.dir !== query.dir) throw new Error("raw roster: only a forward cursor of the view's sort is covered");
  const op = query.dir === "desc" ? "<" : ">";
  const add = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const casts = keys.map((k) => (k === `c."crs"` ? "int" : "text"));
  const done = (sql: string) => ({ sql, params: params.slice(first) });
  if (query.sort === "crs" && cursor.keys[0] === null) return done(`c."crs" IS NULL AND c."id" ${op} ${add(cursor.id, "uuid")}`);
  const compare = `(${keys.join(", ")}, c."id") ${op} (${cursor.keys.map((k, i) => add(k, casts[i])).join(", ")}, ${add(cursor.id, "uuid")})`;
  const nullsFollow = query.sort === "crs" && query.crsMin === undefined;
  return done(nullsFollow ? `(${compare} OR c."crs" IS NULL)` : compare);
}

/**
 * The cursor of the page that starts `depth` rows into the view: the sort keys and id of the row
 * just before it, found with OFFSET (outside any timed part: this is how the bench gets the link a
 * consultant would have followed), encoded as the roster's links encode it.
 */
export async function rosterCursorAt(pool: pg.Pool, scope: Scope, query: RosterQuery, depth: number): Promise<string> {
  if (depth < 1) throw new Error("raw roster: a deep page starts after at least one row");
  const { where, order, params } = statements(scope, { ...query, cursor: undefined });
  const keys = SORT_KEYS[query.sort]!;
  const { rows } = await pool.query<{ id: string; keys: SortKeyValue[] }>(
    `SELECT c."id", json_build_array(${keys.join(", ")}) AS keys FROM "Client" c WHERE ${where} ORDER BY ${order} OFFSET ${Number(depth - 1)} LIMIT 1`,
    params,
  );
  if (rows.length === 0) throw new Error(`raw roster: the view has fewer than ${depth} rows`);
  return encodeRosterCursor({ sort: query.sort, dir: query.dir, keys: rows[0].keys, id: rows[0].id, side: "after", start: depth });
}

export async function rawRosterPage(pool: pg.Pool, scope: Scope, query: RosterQuery): Promise<RawRosterPage> {
  const { where, after, order, params } = statements(scope, query);
  if (after && query.q) throw new Error("raw roster: a later page of a search is not covered");
  const client = await pool.connect();
  try {
    const columns = `c."id", c."firstName", c."lastName", c."email", c."profileNumber", c."teamId", t."name" AS "teamName",
         c."consultantId", u."name" AS "consultantName", c."status", c."crs", c."programs", c."categories", c."nominationProvince",
         c."profileSubmittedAt", c."profileExpiresOn", c."languageTestExpiresOn", c."ecaExpiresOn", c."workPermitExpiresOn",
         c."passportExpiresOn", c."archivedAt" IS NOT NULL AS "archived", c."updatedAt", c."version"`;
    const joins = `JOIN "Team" t ON t."firmId" = c."firmId" AND t."id" = c."teamId"
       LEFT JOIN "User" u ON u."firmId" = c."firmId" AND u."id" = c."consultantId"`;
    const limit = `LIMIT ${Number(query.pageSize)}`;
    let ids: string[];
    let total: number;
    if (query.q) {
      // A search is selective: collect the hits once through the trigram index, count and sort those.
      // A plain ORDER BY … LIMIT walks the name index hoping to meet 50 hits early (120 ms for "patel").
      const page = await client.query(
        `WITH hits AS MATERIALIZED (SELECT c.* FROM "Client" c WHERE ${where})
         SELECT ${columns}, count(*) OVER () AS total FROM hits c ${joins} ORDER BY ${order} ${limit}`,
        params,
      );
      ids = page.rows.map((r) => r.id as string);
      total = page.rows.length > 0 ? Number(page.rows[0].total) : (await client.query<{ total: number }>(`SELECT count(*)::int AS total FROM "Client" c WHERE ${where}`, params)).rows[0].total;
    } else {
      const page = await client.query(`SELECT ${columns} FROM "Client" c ${joins} WHERE ${where}${after ? ` AND ${after.sql}` : ""} ORDER BY ${order} ${limit}`, [
        ...params,
        ...(after?.params ?? []),
      ]);
      ids = page.rows.map((r) => r.id as string);
      total = (await client.query<{ total: number }>(`SELECT count(*)::int AS total FROM "Client" c WHERE ${where}`, params)).rows[0].total;
    }
    const latest = await client.query<{ kind: string; number: string; cutoff: number }>(
      `SELECT DISTINCT ON (d."kind") d."kind", d."number", d."cutoff", d."date", d."tieBreakAt"
       FROM "Draw" d WHERE d."kind" <> 'unrecognised'
       ORDER BY d."kind", d."date" DESC, d."drawnAt" DESC NULLS LAST, d."number" DESC`,
    );
    return { ids, total, latest: latest.rows };
  } finally {
    client.release();
  }
}
