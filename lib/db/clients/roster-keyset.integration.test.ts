import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeRosterCursor, ROSTER_SORTS } from "@/lib/clients/roster-cursor";
import { parseRosterQuery, type RosterQuery } from "@/lib/clients/roster-query";
import { parseRounds } from "@/lib/draws/parse-rounds";
import { InvalidInputError } from "@/lib/errors";
import { insertClientsBulk } from "./bulk";
import { listClients } from "./index";
import { rosterStatementForExplain } from "./roster";
import { importRounds } from "../draws/import";
import { prisma } from "../prisma";
import { createTestFirm, testClientInsert, type TestFirm } from "../testing/fixtures";

/**
 * Keyset pages: for every sort and direction, walking Next from the first page (and Previous back
 * from the last) yields every client exactly once, in the order of the whole view in one page.
 * The clients share sort values on purpose (same score, same submission time, no consultant, no
 * score, no email) so ties and NULLs cross page boundaries.
 */

const NOW = new Date("2026-06-15T16:00:00Z");
let firm: TestFirm;
const owner = () => firm.user("owner").scope;
// Small pages so 23 clients make six of them; the schema allows 25/50/100, the SQL any size.
const SMALL = 4 as RosterQuery["pageSize"];

function view(params: Record<string, string>, pageSize = SMALL): RosterQuery {
  return { ...parseRosterQuery(params), pageSize };
}
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

beforeAll(async () => {
  const { rounds, warnings } = parseRounds(JSON.parse(await readFile(path.join(process.cwd(), "data", "ee_rounds_123_en.json"), "utf8")));
  await importRounds(rounds, { source: "keyset test", importedBy: null, warnings });
  firm = await createTestFirm({
    label: "keyset",
    teams: ["Alpha", "Beta"],
    users: [
      { role: "owner", teams: [0, 1], name: "Olivia Owner" },
      { role: "consultant", teams: [0], name: "Casey Alpha" },
    ],
  });
  const casey = firm.users[1].id;
  const clients = Array.from({ length: 23 }, (_, i) =>
    testClientInsert(firm.teams[i % 2].id, {
      firstName: `F${i % 3}`,
      lastName: ["Ng", "Ng", "Ortiz", "Patel", "Patel", "Quinn"][i % 6],
      email: i % 4 === 0 ? null : `c${i}@keyset.example`,
      profileNumber: i % 5 === 0 ? null : `K${String(i).padStart(8, "0")}`,
      consultantId: i % 3 === 0 ? casey : null,
      status: i % 7 === 0 ? "prospect" : "profile_active",
      programs: i % 2 ? ["CEC"] : ["FSW"],
      profileSubmittedAt: i % 6 === 0 ? null : `2026-01-0${1 + (i % 3)}T14:00:00Z`,
      passportExpiresOn: i % 4 === 1 ? null : `2031-01-0${1 + (i % 4)}`,
      scores: i % 5 === 2 ? [] : [{ crs: 400 + (i % 4) * 10, effectiveAt: "2026-01-01T00:00:00Z", source: "manual", reason: "test" }],
    }),
  );
  await prisma().$transaction((tx) => insertClientsBulk(tx, firm.id, clients, { timeZone: "America/Toronto" }));
});

async function walkForward(query: RosterQuery) {
  const seen: string[] = [];
  let page = await listClients(owner(), query, { now: NOW });
  const pages = [page];
  seen.push(...ids(page.rows));
  while (page.nextCursor) {
    expect(pages.length).toBeLessThan(20);
    page = await listClients(owner(), { ...query, cursor: page.nextCursor }, { now: NOW });
    pages.push(page);
    seen.push(...ids(page.rows));
  }
  return { seen, pages };
}

describe("keyset pages", () => {
  it.each(ROSTER_SORTS.flatMap((sort) => [{ sort, dir: "asc" }, { sort, dir: "desc" }]))("walk $sort $dir forward and back over every client once", async ({ sort, dir }) => {
    const all = await listClients(owner(), view({ sort, dir }, 100), { now: NOW });
    expect(all.total).toBe(23);
    const { seen, pages } = await walkForward(view({ sort, dir }));
    expect(seen).toEqual(ids(all.rows));
    expect(pages.map((p) => p.start)).toEqual([0, 4, 8, 12, 16, 20]);
    expect(pages[0].previousCursor).toBeNull();

    // Previous from the last page back to the first gives the same pages.
    let page = pages.at(-1)!;
    const back: string[][] = [ids(page.rows)];
    while (page.previousCursor) {
      page = await listClients(owner(), { ...view({ sort, dir }), cursor: page.previousCursor }, { now: NOW });
      back.unshift(ids(page.rows));
    }
    expect(back).toEqual(pages.map((p) => ids(p.rows)));
    expect(page.start).toBe(0);
  });

  it("pages a search and a filter the same way", async () => {
    const views: Record<string, string>[] = [{ q: "patel", sort: "crs", dir: "desc" }, { program: "CEC", sort: "margin", dir: "desc" }];
    for (const query of views) {
      const all = await listClients(owner(), view(query, 100), { now: NOW });
      expect(all.total).toBeGreaterThan(4);
      expect((await walkForward(view(query))).seen).toEqual(ids(all.rows));
    }
  });

  it("refuses a cursor made for another sort: the schema drops it with a notice, the data layer throws", async () => {
    const byName = await listClients(owner(), view({}), { now: NOW });
    const parsed = parseRosterQuery({ sort: "crs", cursor: byName.nextCursor! });
    expect(parsed.cursor).toBeUndefined();
    expect(parsed.cursorNotice).toMatch(/different sort order/);
    expect(parseRosterQuery({ sort: "name", dir: "desc", cursor: byName.nextCursor! }).cursorNotice).toMatch(/different sort order/);
    await expect(listClients(owner(), { ...view({ sort: "crs" }), cursor: byName.nextCursor! }, { now: NOW })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("treats a tampered cursor as the first page, with a notice in plain words", async () => {
    const wrongType = encodeRosterCursor({ sort: "crs", dir: "asc", keys: ["1; DROP TABLE"], id: "00000000-0000-4000-8000-000000000000", side: "after", start: 0 });
    for (const cursor of ["not-a-cursor", "eyJ9", wrongType]) {
      const parsed = parseRosterQuery({ sort: "crs", cursor });
      expect(parsed.cursor).toBeUndefined();
      expect(parsed.cursorNotice).toMatch(/damaged or out of date/);
      const first = await listClients(owner(), { ...parsed, pageSize: SMALL }, { now: NOW });
      expect(first.start).toBe(0);
      expect(first.previousCursor).toBeNull();
    }
    await expect(listClients(owner(), { ...view({}), cursor: "garbage" }, { now: NOW })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it.each(["name", "crs", "margin"])("plans a deep %s page without OFFSET, as cheap as the first", async (sort) => {
    const { pages } = await walkForward(view({ sort, dir: "desc" }));
    const deep = { ...view({ sort, dir: "desc" }), cursor: pages.at(-1)!.previousCursor! };
    const explain = async (query: RosterQuery) => {
      const { sql, params } = rosterStatementForExplain(owner(), query, NOW);
      const rows = await prisma().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, ...params);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    };
    const [firstPlan, deepPlan] = [await explain(view({ sort, dir: "desc" })), await explain(deep)];
    expect(deepPlan).not.toMatch(/offset/i);
    expect(rosterStatementForExplain(owner(), deep, NOW).sql).not.toMatch(/\bOFFSET\b/);
    expect(deepPlan).toMatch(/Limit/);
    const cost = (plan: string) => Number(/cost=[\d.]+\.\.([\d.]+)/.exec(plan)![1]);
    expect(cost(deepPlan)).toBeLessThanOrEqual(cost(firstPlan) * 1.5);
  });
});
