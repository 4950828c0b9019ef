import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { drawResultForClient } from "@/lib/draws/eligibility";
import { CATEGORY_KINDS, DRAW_KIND_LABELS } from "@/lib/draws/kinds";
import { parseRounds } from "@/lib/draws/parse-rounds";
import { ConflictError, ForbiddenError, InvalidInputError } from "@/lib/errors";
import { CLIENT_CSV_COLUMNS } from "@/lib/clients/csv-template";
import { insertClientsBulk } from "../clients/bulk";
import { importClientsCsv } from "../clients/import";
import { drawWatch } from "../dashboard";
import { drawImpact } from "./impact";
import { mapDrawKind } from "./kind-mapping";
import { categoryKinds, unrecognisedDrawNames } from "./kinds";
import { getDraw } from "./find";
import { importRounds } from "./import";
import { prisma } from "../prisma";
import { createTestFirm, testClientInsert, type TestFirm } from "../testing/fixtures";

/**
 * Unrecognised draw names, mapped by a platform administrator: the stored rounds are re-classified
 * at once and matching treats a new category as a category. Rounds are IRCC's feed records (round
 * 418's) renamed and moved to 2030; this file has its own database.
 */

const raw = JSON.parse(readFileSync(path.resolve(__dirname, "../../../data/ee_rounds_123_en.json"), "utf8")) as { rounds: Record<string, string>[] };
const model = raw.rounds.find((r) => r.drawNumber === "418")!;

function feedRound(number: string, name: string, day: number) {
  const date = `2030-03-${String(day).padStart(2, "0")}`;
  return { ...model, drawNumber: number, drawName: name, drawDate: date, drawCRS: "450", drawDateTime: `March ${day}, 2030 at 12:00:00 UTC`, drawCutOff: `March ${day - 1}, 2030 at 10:00:00 UTC` };
}
async function importFeed(rounds: Record<string, string>[]) {
  const parsed = parseRounds({ rounds });
  return importRounds(parsed.rounds, { source: "draw-kinds-test", importedBy: "test" });
}
const kindOf = async (number: string) => (await prisma().draw.findUniqueOrThrow({ where: { number } })).kind;

let firm: TestFirm;
const clientIds = new Map<string, string>();

beforeAll(async () => {
  firm = await createTestFirm({ label: "draw-kinds" });
  await importFeed([
    feedRound("m1", "Skilled Military Recruits, 2026-Version 1", 10),
    feedRound("m2", "Skilled Military Recruits 2026-Version 2", 20),
    feedRound("l1", "Lighthouse keepers", 15),
  ]);
  const client = (lastName: string, categories: string[]) =>
    testClientInsert(firm.teams[0].id, {
      lastName,
      categories,
      profileSubmittedAt: "2030-01-05T10:00:00.000Z",
      profileExpiresOn: "2031-01-05",
      scores: [{ crs: 480, effectiveAt: "2030-01-05T10:00:00.000Z", source: "manual", reason: null }],
    });
  const ids = await prisma().$transaction((tx) => insertClientsBulk(tx, firm.id, [client("Recruit", ["military"]), client("Engineer", ["stem"])], { timeZone: "America/Toronto" }));
  ["Recruit", "Engineer"].forEach((name, i) => clientIds.set(name, ids[i]));
});

describe("category kinds", () => {
  it("holds every built-in category of lib/draws/kinds.ts with its label, so matching in SQL and in code agree", async () => {
    const builtIn = (await categoryKinds()).filter((k) => k.builtIn);
    expect(builtIn.map((k) => k.code).sort()).toEqual([...CATEGORY_KINDS].sort());
    for (const k of builtIn) expect(k.label).toBe(DRAW_KIND_LABELS[k.code as keyof typeof DRAW_KIND_LABELS]);
  });
});

describe("mapping an unrecognised draw name", () => {
  it("lists unrecognised names with how many rounds use each, versions grouped", async () => {
    const names = await unrecognisedDrawNames();
    expect(names).toEqual([
      { nameKey: "skilled military recruits", names: ["Skilled Military Recruits 2026-Version 2", "Skilled Military Recruits, 2026-Version 1"], rounds: 2, latest: { number: "m2", date: "2030-03-20" } },
      { nameKey: "lighthouse keepers", names: ["Lighthouse keepers"], rounds: 1, latest: { number: "l1", date: "2030-03-15" } },
    ]);
  });

  it("refuses a user who is not a platform administrator, and changes nothing", async () => {
    const owner = firm.user("owner");
    await expect(mapDrawKind({ via: "web", scope: owner.scope, email: owner.email }, { target: "new", name: "Skilled Military Recruits", code: "military", label: "Skilled military recruits" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma().categoryKind.count({ where: { code: "military" } })).toBe(0);
    expect(await kindOf("m1")).toBe("unrecognised");
  });

  it("creates a category and re-classifies every stored round of the name in one go, logged in the ledger and the audit", async () => {
    const owner = firm.user("owner");
    await prisma().user.update({ where: { email: owner.email }, data: { platformAdmin: true } });
    const result = await mapDrawKind({ via: "web", scope: owner.scope, email: owner.email }, { target: "new", name: "Skilled Military Recruits, 2026-Version 1", code: "military", label: "Skilled military recruits" });
    expect(result).toEqual({ nameKey: "skilled military recruits", kind: "military", createdCategory: { code: "military", label: "Skilled military recruits" }, reclassified: ["m1", "m2"] });
    expect(await kindOf("m1")).toBe("military");
    expect(await kindOf("m2")).toBe("military");
    expect(await kindOf("l1")).toBe("unrecognised");
    const draw = await getDraw("m2");
    expect(draw).toMatchObject({ kind: "military", isCategory: true, kindLabel: "Skilled military recruits" });
    const log = await prisma().drawImport.findFirstOrThrow({ where: { source: { startsWith: "kind mapping:" } } });
    expect(log).toMatchObject({ updated: 2, importedBy: owner.email });
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { firmId: firm.id, action: "draws.kind_mapped" } });
    expect(audit.entityId).toBe("skilled military recruits");
    expect((await unrecognisedDrawNames()).map((n) => n.nameKey)).toEqual(["lighthouse keepers"]);
  });

  it("matches the new category like any category: only clients tagged with it, in SQL and in eligibility.ts alike", async () => {
    const owner = firm.user("owner");
    const impact = await drawImpact(owner.scope, "m2");
    expect(impact.previousDraw?.number).toBe("m1");
    expect(impact.above.map((r) => r.lastName)).toEqual(["Recruit"]);
    expect(impact.ineligibleClose.map((r) => [r.lastName, r.reasons])).toEqual([["Engineer", ["no_category"]]]);
    const pure = (categories: string[]) =>
      drawResultForClient(
        { programs: ["CEC"], categories, status: "profile_active", profileSubmittedAt: "2030-01-05T10:00:00.000Z", profileExpiresAt: null, nominationProvince: null, crsAsOfDraw: 480 },
        impact.draw,
        null,
        null,
      );
    expect(pure(["military"]).above).toBe(true);
    expect(pure(["stem"]).reasons).toEqual(["no_category"]);
    // The dashboard's watch of the first round of the kind: everyone above it is newly above.
    const watch = await drawWatch(owner.scope, { drawNumbers: ["m1"] });
    expect(watch.draws).toEqual([expect.objectContaining({ number: "m1", kind: "military", above: 1, newlyAbove: 1 })]);
  });

  it("lets the CSV import tag clients with the new category, and still refuses codes no kind has", async () => {
    const csv = (categories: string, n: number) => {
      const row: Record<string, string> = { firstName: "Ana", lastName: `Csv${n}`, team: "Team One", programs: "CEC", crs: "470", profileSubmittedAt: "2030-01-05T10:00:00Z", categories };
      return `${CLIENT_CSV_COLUMNS.join(",")}\n${CLIENT_CSV_COLUMNS.map((c) => row[c] ?? "").join(",")}\n`;
    };
    const owner = firm.user("owner").scope;
    const refused = await importClientsCsv(owner, csv("astronauts", 1), { mode: "all-or-nothing" });
    expect(refused.errors.map((e) => [e.column, e.message.slice(0, 32)])).toEqual([["categories", 'Unknown category "astronauts". U']]);
    const imported = await importClientsCsv(owner, csv("military;stem", 2), { mode: "all-or-nothing" });
    expect(imported).toMatchObject({ imported: 1, errors: [] });
    expect((await prisma().client.findFirstOrThrow({ where: { firmId: firm.id, lastName: "Csv2" } })).categories).toEqual(["military", "stem"]);
  });

  it("classifies later rounds of the name on import, and re-importing the old ones does not undo the mapping", async () => {
    const summary = await importFeed([feedRound("m1", "Skilled Military Recruits, 2026-Version 1", 10), feedRound("m3", "SKILLED MILITARY RECRUITS (2027-Version 3)", 25)]);
    expect(summary.updated).toEqual([]);
    expect(summary.added).toEqual(["m3"]);
    expect(await kindOf("m1")).toBe("military");
    expect(await kindOf("m3")).toBe("military");
  });

  it("maps a name to an existing kind", async () => {
    const result = await mapDrawKind({ via: "cli", operator: "root" }, { target: "existing", name: "Lighthouse Keepers", kind: "transport" });
    expect(result.reclassified).toEqual(["l1"]);
    expect(await getDraw("l1")).toMatchObject({ kind: "transport", isCategory: true, kindLabel: null });
    expect(await unrecognisedDrawNames()).toEqual([]);
  });

  it("refuses known names, codes in use and unknown kinds, leaving everything as it was", async () => {
    const cli = { via: "cli" as const, operator: "root" };
    await expect(mapDrawKind(cli, { target: "existing", name: "Canadian Experience Class", kind: "stem" })).rejects.toBeInstanceOf(ConflictError);
    await expect(mapDrawKind(cli, { target: "new", name: "Deep sea divers", code: "military", label: "Again" })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(mapDrawKind(cli, { target: "new", name: "Deep sea divers", code: "cec", label: "Clash" })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(mapDrawKind(cli, { target: "existing", name: "Deep sea divers", kind: "unrecognised" })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(mapDrawKind(cli, { target: "existing", name: "Deep sea divers", kind: "astronauts" })).rejects.toBeInstanceOf(InvalidInputError);
    expect(await prisma().drawKindMapping.count({ where: { nameKey: "deep sea divers" } })).toBe(0);
    expect(await prisma().categoryKind.count({ where: { label: { in: ["Again", "Clash"] } } })).toBe(0);
  });
});

// Spawns the commands as an operator runs them (about a second of start-up each).
describe("npm run draws:map-kind and platform-admin", { timeout: 90_000 }, () => {
  const ROOT = path.resolve(__dirname, "..", "..", "..");
  const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
  const cli = (script: string, args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(TSX, ["--conditions=react-server", `scripts/${script}.ts`, ...args], { cwd: ROOT, env: process.env }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
      );
    });

  it("lists unrecognised names, maps one to a new category, and names a bad option", async () => {
    await importFeed([feedRound("s1", "Space Station Crew, 2030-Version 1", 28)]);
    const list = await cli("draws-map-kind", ["--list", "--json"]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ nameKey: "space station crew", rounds: 1 })]);

    const mapped = await cli("draws-map-kind", ["--name", "Space Station Crew", "--new-category", "space", "--label", "Space station crew"]);
    expect(mapped.stderr).toBe("");
    expect(mapped.stdout).toContain('"Space Station Crew" is now classified as space; 1 stored round(s) re-classified: #s1.');
    expect(await kindOf("s1")).toBe("space");
    expect((await prisma().drawImport.findFirstOrThrow({ where: { source: { contains: "Space Station Crew" } } })).importedBy).toMatch(/^cli:/);

    const bad = await cli("draws-map-kind", ["--name", "Moon base", "--new-category", "Moon Base!", "--label", "Moon"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--new-category: Use a category code such as healthcare or stem.");
    const usage = await cli("draws-map-kind", ["--name", "Moon base"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Give either --kind or --new-category");
  });

  it("grants and revokes the platform-administrator flag by e-mail", async () => {
    const admin = firm.user("admin");
    const granted = await cli("platform-admin", ["--email", admin.email.toUpperCase()]);
    expect(granted.stdout).toContain(`${admin.email} (`);
    expect((await prisma().user.findUniqueOrThrow({ where: { email: admin.email } })).platformAdmin).toBe(true);
    expect((await cli("platform-admin", ["--email", admin.email, "--revoke"])).code).toBe(0);
    expect((await prisma().user.findUniqueOrThrow({ where: { email: admin.email } })).platformAdmin).toBe(false);
    const unknown = await cli("platform-admin", ["--email", "nobody@nowhere.example"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No user has the e-mail address nobody@nowhere.example.");
  });
});
