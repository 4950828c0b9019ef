import type pg from "pg";
import { seesAllTeams, type Scope } from "@/lib/auth/scope";
import type { RosterQuery } from "@/lib/clients/roster-query";

/**
 * The roster page written by hand, as a DBA would for the same answer: the page of rows (with team
 * and consultant names), the total matching, and the latest cut-off of each draw kind (the page's
 * margins are computed from those). Plain statements in sequence on one connection, default planner
 * settings; a search collects its hits first, the one trick any DBA applies to a selective filter
 * under ORDER BY … LIMIT. Covers the views the benchmark measures (sort by name or CRS, status / program /
 * minimum CRS filters, search); anything else is refused rather than silently answered wrong.
 */

export interface RawRosterPage {
  ids: string[];
  total: number;
  latest: { kind: string; number: string; cutoff: number }[];
}

const SEARCH = `lower(c."firstName" || ' ' || c."lastName" || ' ' || coalesce(c."email", '') || ' ' || coalesce(c."profileNumber", ''))`;

function statements(scope: Scope, query: RosterQuery): { where: string; order: string; params: unknown[] } {
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
  const order =
    query.sort === "name"
      ? `c."lastName" ${dir}, c."firstName" ${dir}, c."id" ${dir}`
      : query.sort === "crs"
        ? `c."crs" ${dir} NULLS LAST, c."id" ${dir}`
        : (() => {
            throw new Error(`raw roster: sort ${query.sort} not covered`);
          })();
  return { where: where.join(" AND "), order, params };
}

export async function rawRosterPage(pool: pg.Pool, scope: Scope, query: RosterQuery): Promise<RawRosterPage> {
  const { where, order, params } = statements(scope, query);
  const client = await pool.connect();
  try {
    const columns = `c."id", c."firstName", c."lastName", c."email", c."profileNumber", c."teamId", t."name" AS "teamName",
         c."consultantId", u."name" AS "consultantName", c."status", c."crs", c."programs", c."categories", c."nominationProvince",
         c."profileSubmittedAt", c."profileExpiresOn", c."languageTestExpiresOn", c."ecaExpiresOn", c."workPermitExpiresOn",
         c."passportExpiresOn", c."archivedAt" IS NOT NULL AS "archived", c."updatedAt", c."version"`;
    const joins = `JOIN "Team" t ON t."firmId" = c."firmId" AND t."id" = c."teamId"
       LEFT JOIN "User" u ON u."firmId" = c."firmId" AND u."id" = c."consultantId"`;
    // The first page: the roster's later pages are keyset pages (a cursor), which cost the same.
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
      const page = await client.query(`SELECT ${columns} FROM "Client" c ${joins} WHERE ${where} ORDER BY ${order} ${limit}`, params);
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
