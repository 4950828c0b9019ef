import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { relevantKinds } from "@/lib/clients/relevant-kinds";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import type { ClientInputDraft } from "@/lib/clients/schema";
import { isAboveCutoff } from "@/lib/draws/eligibility";
import { parseRounds } from "@/lib/draws/parse-rounds";
import { archiveClient, createClient, listClients, type RosterRow } from "./index";
import { importRounds } from "../draws/import";
import { prisma } from "../prisma";
import { createTestFirm, type TestFirm } from "../testing/fixtures";

/**
 * The roster query against a hand-built set of clients: every filter, sort, the search and the
 * pagination must give exactly the expected rows. Draws are shared reference data (other test
 * files may import them too), so expectations about cut-offs read the latest draws from the
 * database rather than hard-coding numbers.
 */

const NOW = new Date("2026-06-15T16:00:00Z"); // 2026-06-15 in Toronto
let firm: TestFirm;
let latest: { kind: string; number: string; cutoff: number; date: Date; drawnAt: Date | null; tieBreakAt: Date | null }[];
let cec: (typeof latest)[number];

interface Spec {
  key: string;
  input: ClientInputDraft;
  archived?: boolean;
}
const specs: Spec[] = [];
const ids = new Map<string, string>();
const keyOf = new Map<string, string>();

const owner = () => firm.user("owner").scope;
const casey = () => firm.users[1].scope;
const erin = () => firm.users[2].scope;

function spec(key: string, team: 0 | 1, fields: Partial<ClientInputDraft>, archived = false): void {
  const n = specs.length + 1;
  specs.push({
    key,
    archived,
    input: {
      firstName: key.split(" ")[1] ?? "X",
      lastName: key.split(" ")[0],
      teamId: firm.teams[team].id,
      status: "profile_active",
      email: `client${n}@roster.example`,
      profileNumber: `R${String(n).padStart(8, "0")}`,
      profileSubmittedAt: "2026-01-05T14:00:00Z",
      passportExpiresOn: "2031-01-01",
      ...fields,
    },
  });
}

const manual = (crs: number) => ({ manualCrs: crs, manualCrsReason: "test" });

async function page(query: Record<string, string>, scope = owner()) {
  return listClients(scope, parseRosterQuery(query), { now: NOW });
}
const keys = (rows: RosterRow[]) => rows.map((r) => keyOf.get(r.id));

/** All live clients in the caller's view with their stored values, to derive expectations from. */
async function stored(archived: "exclude" | "include" = "exclude") {
  const rows = await prisma().client.findMany({ where: { firmId: firm.id, deletedAt: null, ...(archived === "exclude" ? { archivedAt: null } : {}) } });
  return rows;
}

beforeAll(async () => {
  const { rounds, warnings } = parseRounds(JSON.parse(await readFile(path.join(process.cwd(), "data", "ee_rounds_123_en.json"), "utf8")));
  await importRounds(rounds, { source: "roster test", importedBy: null, warnings });
  latest = await prisma().$queryRaw`
    SELECT DISTINCT ON (d."kind") d."kind", d."number", d."cutoff", d."date", d."drawnAt", d."tieBreakAt"
    FROM "Draw" d WHERE d."kind" <> 'unrecognised' ORDER BY d."kind", d."date" DESC, d."drawnAt" DESC NULLS LAST, d."number" DESC`;
  cec = latest.find((d) => d.kind === "cec")!;
  expect(cec.tieBreakAt).not.toBeNull();
  const tieBreak = cec.tieBreakAt!.getTime();

  firm = await createTestFirm({
    label: "roster",
    teams: ["Alpha", "Beta"],
    users: [
      { role: "owner", teams: [0, 1], name: "Olivia Owner" },
      { role: "consultant", teams: [0], name: "Casey Alpha" },
      { role: "consultant", teams: [1], name: "Erin Beta" },
    ],
  });
  const caseyId = firm.users[1].id;
  const erinId = firm.users[2].id;

  spec("Adams Zoe", 0, { programs: ["CEC"], consultantId: caseyId, ...manual(cec.cutoff + 10) });
  spec("Baker Yan", 0, { programs: ["CEC"], consultantId: caseyId, ...manual(cec.cutoff), profileSubmittedAt: new Date(tieBreak - 60_000).toISOString() });
  spec("Baker Xia", 0, { programs: ["CEC"], ...manual(cec.cutoff), profileSubmittedAt: new Date(tieBreak + 60_000).toISOString() });
  spec("Chen Wei", 1, { programs: ["FSW"], consultantId: erinId, status: "ita_received", categories: ["stem"], ...manual(300) });
  spec("Diaz Val", 1, { programs: ["FSW", "CEC"], nominationProvince: "ON", categories: ["french"], consultantId: erinId, ...manual(1150) });
  spec("Evans Uma", 0, { status: "prospect", profileSubmittedAt: null, profileNumber: null });
  spec("Fox Tom", 0, { programs: ["CEC"], ...manual(cec.cutoff - 1) }, true);
  // Passport due in 10 days, work permit overdue: both deadlines on the row, most urgent first.
  spec("Garcia Sam", 0, { programs: ["CEC"], ...manual(600), passportExpiresOn: "2026-06-25", workPermitExpiresOn: "2026-06-01" });
  spec("Hill Rae", 1, { programs: ["FST"], email: "rae_hill@roster.example", ...manual(410), languageTestDate: "2024-07-10" });
  for (let i = 1; i <= 20; i++) spec(`Zeta Filler${String(i).padStart(2, "0")}`, 0, { programs: ["FSW"], ...manual(350 + i) });

  for (const s of specs) {
    const { id } = await createClient(owner(), s.input);
    ids.set(s.key, id);
    keyOf.set(id, s.key);
    if (s.archived) await archiveClient(owner(), id);
  }
});

describe("listClients: sorting and pagination", () => {
  it("defaults to name order, archived excluded, and pages through everything exactly once", async () => {
    const rows = await stored();
    // The database collates in byte order ("C"), as JavaScript compares strings.
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const expected = rows.sort((a, b) => cmp(a.lastName, b.lastName) || cmp(a.firstName, b.firstName) || cmp(a.id, b.id)).map((r) => keyOf.get(r.id));
    const first = await page({ pageSize: "25" });
    expect(first.previousCursor).toBeNull();
    const second = await page({ pageSize: "25", cursor: first.nextCursor! });
    expect(first.total).toBe(28);
    expect(second.total).toBe(28);
    expect(first.rows).toHaveLength(25);
    expect([...keys(first.rows), ...keys(second.rows)]).toEqual(expected);
    expect(keys(first.rows).slice(0, 3)).toEqual(["Adams Zoe", "Baker Xia", "Baker Yan"]);
    expect(second.start).toBe(25);
    expect(second.nextCursor).toBeNull();
    expect(keys((await page({ pageSize: "25", cursor: second.previousCursor! })).rows)).toEqual(keys(first.rows));
  });

  it("sorts by CRS both ways with the unscored last and a stable tie-break on id", async () => {
    const rows = await stored();
    const byCrs = (dir: 1 | -1) =>
      [...rows]
        .sort((a, b) => (a.crs == null ? 1 : b.crs == null ? -1 : dir * (a.crs - b.crs)) || (a.id < b.id ? -dir : dir))
        .map((r) => keyOf.get(r.id));
    expect(keys((await page({ sort: "crs", dir: "desc", pageSize: "50" })).rows)).toEqual(byCrs(-1));
    expect(keys((await page({ sort: "crs", dir: "asc", pageSize: "50" })).rows)).toEqual(byCrs(1));
    expect(keys((await page({ sort: "crs", dir: "desc", pageSize: "50" })).rows).at(-1)).toBe("Evans Uma");
  });

  it("sorts by team then name, and by consultant with the unassigned last", async () => {
    const byTeam = keys((await page({ sort: "team", pageSize: "50" })).rows);
    expect(byTeam.slice(0, 3)).toEqual(["Adams Zoe", "Baker Xia", "Baker Yan"]);
    expect(byTeam.slice(-3)).toEqual(["Chen Wei", "Diaz Val", "Hill Rae"]);
    const byConsultant = keys((await page({ sort: "consultant", pageSize: "50" })).rows);
    expect(byConsultant.slice(0, 4)).toEqual(["Adams Zoe", "Baker Yan", "Chen Wei", "Diaz Val"]);
  });

  it("sorts by margin (crs − latest relevant cut-off), nulls last, matching each row's margin", async () => {
    const desc = (await page({ sort: "margin", dir: "desc", pageSize: "50" })).rows;
    const margins = desc.map((r) => r.margin);
    const known = margins.filter((m): m is number => m != null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(margins.slice(known.length).every((m) => m == null)).toBe(true);
    expect(keys(desc).at(-1)).toBe("Evans Uma");
    const asc = (await page({ sort: "margin", dir: "asc", pageSize: "50" })).rows.map((r) => r.margin).filter((m) => m != null);
    expect(asc).toEqual([...asc].sort((a, b) => a! - b!));
  });

  it.each(["email", "profileNumber", "status", "profileSubmittedAt", "profileExpiresOn", "updatedAt"])("sorts by %s without losing rows", async (sort) => {
    for (const dir of ["asc", "desc"]) {
      const result = await page({ sort, dir, pageSize: "50" });
      expect(new Set(result.rows.map((r) => r.id)).size).toBe(28);
    }
  });
});

describe("listClients: margin and deadlines on the row", () => {
  it("measures the margin against the newest draw among the kinds the client can be eligible for", async () => {
    const newestFirst = [...latest].sort((a, b) => b.date.getTime() - a.date.getTime() || (b.drawnAt?.getTime() ?? 0) - (a.drawnAt?.getTime() ?? 0));
    const result = await page({ pageSize: "50" });
    const facts = new Map((await stored()).map((r) => [r.id, r]));
    for (const row of result.rows) {
      const kinds = relevantKinds(facts.get(row.id)!) as string[];
      const draw = newestFirst.find((d) => kinds.includes(d.kind))!;
      expect(row.marginDraw, keyOf.get(row.id)).toEqual({ number: draw.number, kind: draw.kind, cutoff: draw.cutoff });
      expect(row.margin).toBe(row.crs == null ? null : row.crs - draw.cutoff);
    }
    expect(result.rows.find((r) => r.id === ids.get("Adams Zoe"))!.margin).toBe(10);
    expect(result.latestCutoffs.map((l) => l.kind).sort()).toEqual(latest.map((l) => l.kind).sort());
    expect(result.latestCutoffs.find((l) => l.kind === "cec")).toEqual({ kind: "cec", drawNumber: cec.number, cutoff: cec.cutoff, date: cec.date.toISOString().slice(0, 10) });
  });

  it("lists deadlines due within 90 days or overdue, most urgent first", async () => {
    const result = await page({ q: "garcia" });
    expect(result.rows[0].deadlines).toEqual([
      { kind: "work_permit", dueOn: "2026-06-01", daysLeft: -14, band: "overdue" },
      { kind: "passport", dueOn: "2026-06-25", daysLeft: 10, band: "30" },
    ]);
    // Hill's language test (2024-07-10) expires 2026-07-10: 25 days.
    expect((await page({ q: "hill" })).rows[0].deadlines).toEqual([{ kind: "language_test", dueOn: "2026-07-10", daysLeft: 25, band: "30" }]);
    expect((await page({ q: "adams" })).rows[0].deadlines).toEqual([]);
  });
});

describe("listClients: filters", () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ["status", { status: "ita_received,prospect" }, ["Chen Wei", "Evans Uma"]],
    ["program", { program: "FST" }, ["Hill Rae"]],
    ["programs are any-of", { program: "FST,CEC" }, ["Adams Zoe", "Baker Xia", "Baker Yan", "Diaz Val", "Garcia Sam", "Hill Rae"]],
    ["category", { category: "stem,french" }, ["Chen Wei", "Diaz Val"]],
    ["CRS range", { crsMin: "360", crsMax: "410" }, ["Hill Rae", "Zeta Filler10", "Zeta Filler11", "Zeta Filler12", "Zeta Filler13", "Zeta Filler14", "Zeta Filler15", "Zeta Filler16", "Zeta Filler17", "Zeta Filler18", "Zeta Filler19", "Zeta Filler20"]],
    ["expiring within 30 days, overdue included", { expiringWithin: "30" }, ["Garcia Sam", "Hill Rae"]],
    ["expiring within 0 days: overdue and due today", { expiringWithin: "0" }, ["Garcia Sam"]],
    ["archived only", { archived: "only" }, ["Fox Tom"]],
    ["combined", { status: "profile_active", program: "CEC", crsMin: "600", sort: "crs", dir: "desc" }, ["Diaz Val", "Garcia Sam"]],
  ];
  it.each(cases)("%s", async (_label, query, expected) => {
    const result = await page({ pageSize: "50", ...query });
    const got = keys(result.rows);
    expect(query.sort ? got : [...got].sort()).toEqual(query.sort ? expected : [...expected].sort());
    expect(result.total).toBe(expected.length);
  });

  it("team and consultant", async () => {
    expect(keys((await page({ team: firm.teams[1].id })).rows)).toEqual(["Chen Wei", "Diaz Val", "Hill Rae"]);
    expect(keys((await page({ consultant: firm.users[1].id })).rows)).toEqual(["Adams Zoe", "Baker Yan"]);
    expect((await page({ archived: "include" })).total).toBe(29);
  });

  it("above/below the latest cut-off of a kind applies the tie-break and only to clients with that kind", async () => {
    const rows = await stored();
    const hasCec = rows.filter((r) => r.programs.includes("CEC") && r.crs != null);
    const isAbove = (r: (typeof rows)[number]) => isAboveCutoff(r.crs!, r.profileSubmittedAt, cec.cutoff, cec.tieBreakAt);
    const above = hasCec.filter(isAbove).map((r) => keyOf.get(r.id)).sort();
    const below = hasCec.filter((r) => !isAbove(r)).map((r) => keyOf.get(r.id)).sort();
    expect(above).toContain("Baker Yan");
    expect(below).toContain("Baker Xia");
    expect(keys((await page({ cutoff: "above:cec", pageSize: "50" })).rows).sort()).toEqual(above);
    expect(keys((await page({ cutoff: "below:cec", pageSize: "50" })).rows).sort()).toEqual(below);
    // Kinds a client cannot be eligible for never match, above or below.
    expect(keys((await page({ cutoff: "above:pnp" })).rows)).toEqual(["Diaz Val"]);
    expect((await page({ cutoff: "below:healthcare" })).total).toBe(0);
    expect((await page({ cutoff: "above:unrecognised" })).total).toBe(0);
  });
});

describe("listClients: search", () => {
  it.each([
    ["part of a last name, any case", "BAK", ["Baker Xia", "Baker Yan"]],
    ["first and last name across the space", "zoe adams", ["Adams Zoe"]],
    ["not last name then first", "adams zoe", []],
    ["part of an email", "rae_hill@", ["Hill Rae"]],
    ["a profile number, lower case", "r00000004", ["Chen Wei"]],
    ["LIKE's % is a plain character", "%", []],
    ["LIKE's _ is a plain character", "_", ["Hill Rae"]],
  ])("%s", async (_label, q, expected) => {
    const result = await page({ q, pageSize: "50" });
    expect(keys(result.rows).sort()).toEqual([...expected].sort());
    expect(result.total).toBe(expected.length);
  });

  it.each(["name", "email", "profileNumber", "team", "consultant", "status", "crs", "margin", "profileSubmittedAt", "profileExpiresOn", "updatedAt"])(
    "sorts a search's hits by %s",
    async (sort) => {
      const result = await page({ q: "filler", sort, dir: "desc", pageSize: "25" });
      expect(result.total).toBe(20);
      expect(result.rows).toHaveLength(20);
    },
  );

  it("sorts a search's hits like the unsearched roster", async () => {
    const searched = await page({ q: "filler", sort: "crs", dir: "desc", pageSize: "25" });
    const filtered = await page({ program: "FSW", crsMax: "370", crsMin: "351", sort: "crs", dir: "desc", pageSize: "25" });
    expect(keys(searched.rows)).toEqual(keys(filtered.rows));
    expect(keys(searched.rows)[0]).toBe("Zeta Filler20");
  });

  it("stays inside the caller's scope", async () => {
    expect(keys((await page({ q: "baker" }, erin())).rows)).toEqual([]);
    expect((await page({ q: "hill" }, casey())).total).toBe(0);
  });
});

describe("listClients: a consultant's view", () => {
  it("holds only their teams' clients, with totals to match", async () => {
    const alpha = await page({ pageSize: "50" }, casey());
    expect(alpha.total).toBe(25);
    expect(alpha.rows.every((r) => r.teamId === firm.teams[0].id)).toBe(true);
    const beta = await page({ pageSize: "50" }, erin());
    expect(keys(beta.rows)).toEqual(["Chen Wei", "Diaz Val", "Hill Rae"]);
    // Filtering by a team outside the scope yields nothing rather than widening it.
    expect((await page({ team: firm.teams[0].id }, erin())).total).toBe(0);
  });
});
