/**
 * A client's language test end to end against PostgreSQL: saved with IELTS results through the
 * same path as the client form (createClient / updateClient), and imported from a CSV, it comes
 * back with the CLB levels of IRCC's chart, the CRS those levels give, and the 2-year expiry.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ClientInputDraft } from "@/lib/clients/schema";
import { calculateCrs } from "@/lib/crs";
import { profile } from "@/lib/crs/test-fixtures";
import { clientDetailToInput, createClient, getClient, updateClient } from "./index";
import { importClientsCsv } from "./import";
import { prisma } from "../prisma";
import { createTestFirm, type TestFirm } from "../testing/fixtures";

let firm: TestFirm;
const owner = () => firm.user("owner").scope;

beforeAll(async () => {
  firm = await createTestFirm({ label: "language" });
});

/** IELTS General Training L 8.0 / R 7.0 / W 6.5 / S 6.0 → CLB 9 / 9 / 8 / 7 on IRCC's chart. */
const IELTS = { listening: "8", reading: "7.0", writing: "6,5", speaking: "6" };

function draft(overrides: Partial<ClientInputDraft> = {}): ClientInputDraft {
  return {
    firstName: "Ines",
    lastName: `Ielts${Math.random().toString(36).slice(2, 8)}`,
    teamId: firm.teams[0].id,
    status: "profile_active",
    profileSubmittedAt: "2026-01-10T15:00:00Z",
    programs: ["FSW"],
    languageTestType: "ielts_general",
    languageTestDate: "2025-09-15",
    languageResults: IELTS,
    // As the form sends it when the calculator uses the recorded test: the raw scores, as numbers.
    crsFactors: {
      ...profile(),
      firstLanguage: { test: "ielts_general", scores: { listening: 8, reading: 7, writing: 6.5, speaking: 6 } },
    } as unknown as ClientInputDraft["crsFactors"],
    ...overrides,
  };
}

describe("a client saved with IELTS results", () => {
  it("gets IRCC's CLB levels, the CRS of those levels and the test's 2-year expiry", async () => {
    const { id } = await createClient(owner(), draft());
    const client = await getClient(owner(), id);

    expect(client.languageTestType).toBe("ielts_general");
    expect(client.languageResults).toEqual({ listening: 8, reading: 7, writing: 6.5, speaking: 6 });
    expect(client.languageLevels.map((l) => [l.ability, l.score, l.clb])).toEqual([
      ["listening", 8, 9],
      ["reading", 7, 9],
      ["writing", 6.5, 8],
      ["speaking", 6, 7],
    ]);
    expect(client.crsFactors?.firstLanguage.clb).toEqual({ reading: 9, writing: 8, listening: 9, speaking: 7 });
    const expected = calculateCrs(profile({ firstLanguage: { language: "english", clb: { reading: 9, writing: 8, listening: 9, speaking: 7 } } })).total;
    expect(client.crs).toBe(expected);
    expect(client.crsBreakdown?.total).toBe(expected);
    expect(client.languageTestExpiresOn).toBe("2027-09-15");

    const stored = await prisma().client.findFirstOrThrow({ where: { firmId: firm.id, id } });
    expect(stored.crs).toBe(expected);
    expect(stored.languageTestType).toBe("ielts_general");
  });

  it("a better retake raises the score; the edit form's values save back unchanged", async () => {
    const { id } = await createClient(owner(), draft());
    const before = await getClient(owner(), id);
    const retake = { listening: 8.5, reading: 8, writing: 7.5, speaking: 7.5 };
    const { version } = await updateClient(owner(), id, before.version, {
      ...clientDetailToInput(before),
      languageTestDate: "2026-03-01",
      languageResults: { listening: "8.5", reading: "8", writing: "7.5", speaking: "7.5" },
      crsFactors: { ...before.crsFactors!, firstLanguage: { test: "ielts_general", scores: retake } } as unknown as ClientInputDraft["crsFactors"],
    });
    const after = await getClient(owner(), id);
    expect(after.languageLevels.map((l) => l.clb)).toEqual([10, 10, 10, 10]);
    expect(after.crs).toBe(calculateCrs(profile({ firstLanguage: { language: "english", clb: { reading: 10, writing: 10, listening: 10, speaking: 10 } } })).total);
    expect(after.crs).toBeGreaterThan(before.crs!);
    expect(after.languageTestExpiresOn).toBe("2028-03-01");
    await expect(updateClient(owner(), id, version, clientDetailToInput(after))).resolves.toEqual({ version: version + 1 });
  });

  it("refuses a result off the scale, naming the field and the scale, and writes nothing", async () => {
    const count = await prisma().client.count({ where: { firmId: firm.id } });
    const error = await createClient(owner(), draft({ languageResults: { ...IELTS, reading: "9.5" } })).catch((e: unknown) => e);
    expect((error as { issues?: unknown[] }).issues).toEqual([
      expect.objectContaining({ path: ["languageResults", "reading"], message: "expected a band from 0 to 9 in steps of 0.5 for IELTS General Training reading, got 9.5" }),
    ]);
    expect(await prisma().client.count({ where: { firmId: firm.id } })).toBe(count);
  });
});

describe("a CSV import with test results", () => {
  it("stores the test and its results, shown with their NCLC levels", async () => {
    const text = [
      "firstName,lastName,team,status,languageTest,languageTestDate,languageListening,languageReading,languageWriting,languageSpeaking",
      `Tess,Tcfimport,${firm.teams[0].name},prospect,tcf_canada,2025-05-20,458,453,10,9`,
    ].join("\n");
    const result = await importClientsCsv(owner(), text, { mode: "all-or-nothing" });
    expect(result.errors).toEqual([]);
    const row = await prisma().client.findFirstOrThrow({ where: { firmId: firm.id, lastName: "Tcfimport" } });
    const client = await getClient(owner(), row.id);
    expect(client.languageTestType).toBe("tcf_canada");
    expect(client.languageLevels.map((l) => [l.ability, l.clb])).toEqual([
      ["listening", 7],
      ["reading", 7],
      ["writing", 7],
      ["speaking", 6],
    ]);
    expect(client.languageTestExpiresOn).toBe("2027-05-20");
  });
});
