import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, pdfPageCount, pdfToText } from "@/scripts/lib/pdf-check";
import { zipEntries } from "@/scripts/lib/zip-check";
import type { ClientInputDraft } from "@/lib/clients/schema";
import { calculateCrs, crsInputSchema } from "@/lib/crs";
import { clientDetailToInput, createClient, getClient, updateClient } from "@/lib/db/clients";
import { importRounds } from "@/lib/db/draws/import";
import { drawImpactExport, openReportBatch } from "@/lib/db/exports";
import { prisma } from "@/lib/db/prisma";
import { collect } from "@/lib/db/testing/collect";
import { createTestFirm, type TestFirm } from "@/lib/db/testing/fixtures";
import { parseRounds } from "@/lib/draws/parse-rounds";
import { NotFoundError } from "@/lib/errors";
import { clientReportPdf, writeReportBatchCombined, writeReportBatchZip } from "./client-reports";
import { impactPdf } from "./draw-impact";

/**
 * The PDF reports, read back the way a person would: the text pdfjs extracts must state the key
 * facts. The PDFs are kept under artifacts/reports/ to be looked at.
 */

const NOW = new Date("2026-06-15T16:00:00Z");
let firm: TestFirm;
let amaraId: string;
let benId: string;
let crs: number;
let consultantName: string;

const factors = crsInputSchema.parse({
  age: 29,
  hasAccompanyingSpouse: false,
  education: "bachelors",
  firstLanguage: { language: "english", clb: { reading: 9, writing: 9, listening: 9, speaking: 9 } },
  secondLanguage: null,
  canadianWorkYears: 1,
  foreignWorkYears: 3,
  certificateOfQualification: false,
  siblingInCanada: false,
  canadianEducation: "none",
  provincialNomination: false,
});

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  const { rounds, warnings } = parseRounds(JSON.parse(await readFile(path.join(process.cwd(), "data", "ee_rounds_123_en.json"), "utf8")));
  await importRounds(rounds, { source: "reports test", importedBy: null, warnings });
  firm = await createTestFirm({ label: "pdf", users: [{ role: "owner", teams: [0, 1] }, { role: "consultant", teams: [0], name: "Sofia Marín" }] });
  const consultant = firm.user("consultant");
  consultantName = "Sofia Marín";
  await prisma().user.update({ where: { firmId_id: { firmId: firm.id, id: consultant.id } }, data: { licenceNumber: "R712345" } });
  const base = {
    teamId: firm.teams[0].id,
    consultantId: consultant.id,
    status: "profile_active",
    programs: ["CEC"],
    categories: ["healthcare"],
    profileSubmittedAt: "2025-08-20T15:04:05Z",
    dateOfBirth: "1996-05-10",
    citizenship: "Nigeria",
    email: "amara@client.example",
    languageTestType: "IELTS General",
    languageTestDate: "2024-07-10",
    ecaIssuer: "WES",
    ecaIssuedOn: "2024-02-01",
    workPermitExpiresOn: "2026-06-01",
    passportExpiresOn: "2031-01-01",
  };
  ({ id: amaraId } = await createClient(consultant.scope, { ...base, firstName: "Amara", lastName: "Okoye", profileNumber: "E123456789", crsFactors: factors } as ClientInputDraft));
  // A second year of Canadian work from 2026-04-01: the chart shows the score as of each draw.
  const detail = await getClient(consultant.scope, amaraId);
  const better = { ...factors, canadianWorkYears: 2 };
  await updateClient(consultant.scope, amaraId, detail.version, { ...clientDetailToInput(detail), crsFactors: better, crsEffectiveAt: "2026-04-01T12:00:00Z" });
  crs = calculateCrs(better).total;
  ({ id: benId } = await createClient(consultant.scope, {
    ...base,
    firstName: "Benoît",
    lastName: "Hernández",
    email: "ben@client.example",
    profileNumber: "E987654321",
    manualCrs: 455,
    manualCrsReason: "From the IRCC account",
  } as ClientInputDraft));
});

describe("client status report (PDF)", () => {
  it("states the key facts", async () => {
    const { pdf, filename } = await clientReportPdf(firm.user("consultant").scope, amaraId, { actor: { email: "sofia@test", name: consultantName }, now: NOW });
    // Kept for people to look at before anything is asserted, so a failing run leaves them too.
    await writeFile(path.join(ARTIFACTS, "client-report.pdf"), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(filename).toMatch(/^client-report-okoye-amara-[0-9a-f]{8}-2026-06-15\.pdf$/);
    expect(await pdfPageCount(pdf)).toBe(2);
    const text = await pdfToText(pdf);
    expect(text).toContain(firm.name);
    expect(text).toContain("Client status report");
    expect(text).toContain("Amara Okoye");
    expect(text).toContain("Sofia Marín");
    expect(text).toContain("R712345");
    expect(await pdfToText(pdf, { layout: false })).toMatch(new RegExp(`CRS score\\s+${crs}\\b`));
    expect(text).toMatch(new RegExp(`Total\\s+${crs}\\s+1,200`));
    expect(text).toMatch(/Work permit\s+2026-06-01\s+14 days overdue\s+Overdue/);
    expect(text).toMatch(/Language test results\s+2026-07-10/);
    expect(text).toContain("Generated 2026-06-15 12:00 EDT");
    expect(text).toContain("2025-08-20 11:04:05 EDT");
    expect(text).toContain("Healthcare and social services");
    expect(text).toContain("Cut-off (lowest CRS invited)");
    expect(text).toMatch(/#\d+ CEC/);

    const [entry] = await prisma().auditLog.findMany({ where: { firmId: firm.id, action: "export.client_pdf" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ entityType: "client", entityId: amaraId, userId: firm.user("consultant").id, userEmail: "sofia@test" });
  });

  it("shows the firm's PDF name, its logo and the application deadline after an ITA", async () => {
    // A real 1×1 PNG: pdfkit decodes it, so a wrong file would fail here.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
    await prisma().firm.update({ where: { id: firm.id }, data: { pdfFirmName: "Maple Immigration Law", pdfLogo: png, pdfLogoType: "image/png" } });
    await prisma().client.update({
      where: { firmId_id: { firmId: firm.id, id: benId } },
      data: { status: "ita_received", itaRound: "348", itaDate: new Date("2026-06-01T00:00:00Z"), applicationDueOn: new Date("2026-07-31T00:00:00Z") },
    });
    const { pdf } = await clientReportPdf(firm.user("owner").scope, benId, { now: NOW });
    await writeFile(path.join(ARTIFACTS, "client-report-ita-logo.pdf"), pdf);
    const text = await pdfToText(pdf, { layout: false });
    expect(text).toContain("Maple Immigration Law");
    expect(text).toMatch(/Round #348, 2026-06-01/);
    expect(text).toMatch(/Due 2026-07-31 \(60 days after the ITA\)/);
    expect(pdf.toString("latin1")).toMatch(/\/Subtype \/Image/);
    await prisma().firm.update({ where: { id: firm.id }, data: { pdfFirmName: null, pdfLogo: null, pdfLogoType: null } });
  });

  it("is scoped: another firm's user gets not found", async () => {
    const other = await createTestFirm({ label: "pdf-other" });
    await expect(clientReportPdf(other.user("owner").scope, amaraId)).rejects.toThrow(NotFoundError);
    await expect(clientReportPdf(firm.user("consultant").scope, "00000000-0000-4000-8000-000000000000")).rejects.toThrow(NotFoundError);
  });
});

describe("client status report batches", () => {
  it("zips one PDF per client", async () => {
    const scope = firm.user("consultant").scope;
    const batch = await openReportBatch(scope, { ids: [amaraId, benId] }, { layout: "zip" });
    const zip = await collect((sink) => writeReportBatchZip(scope, batch, sink, { now: NOW }));
    const file = path.join(ARTIFACTS, "client-reports.zip");
    await writeFile(file, zip);
    const entries = await zipEntries(await readFile(file));
    const names = [...entries.keys()].sort();
    expect(names).toEqual([expect.stringMatching(/^client-report-hernandez-benoit-.*\.pdf$/), expect.stringMatching(/^client-report-okoye-amara-.*\.pdf$/)]);
    const text = await pdfToText(entries.get(names[0])!);
    expect(text).toContain("Benoît Hernández");
    expect(text).toContain("Entered by hand (From the IRCC account)");
  });

  it("combines every client's pages into one PDF", async () => {
    const scope = firm.user("consultant").scope;
    const batch = await openReportBatch(scope, { ids: [benId, amaraId] }, { layout: "combined" });
    const pdf = await collect((sink) => writeReportBatchCombined(scope, batch, sink, { now: NOW }));
    expect(await pdfPageCount(pdf)).toBe(4);
    const text = await pdfToText(pdf);
    expect(text.indexOf("Benoît Hernández")).toBeLessThan(text.indexOf("Amara Okoye"));
  });
});

describe("draw impact report (PDF)", () => {
  it("summarises the draw and lists the firm's clients", async () => {
    const [cec] = await prisma().$queryRaw<{ number: string; cutoff: number }[]>`
      SELECT d."number", d."cutoff" FROM "Draw" d WHERE d."kind" = 'cec' ORDER BY d."date" DESC, d."number" DESC LIMIT 1`;
    const impact = await drawImpactExport(firm.user("owner").scope, cec.number, { format: "pdf", margin: 200 });
    const pdf = await impactPdf(impact, { firmName: firm.name, timeZone: "America/Toronto", generatedBy: "Owner", now: NOW });
    const text = await pdfToText(pdf);
    expect(text).toContain(`Draw #${cec.number}: Canadian Experience Class`);
    expect(text).toContain(`cut-off ${cec.cutoff}`);
    expect(text).toContain("Near misses");
    expect(text).toContain("Okoye, Amara");
    await writeFile(path.join(ARTIFACTS, "draw-impact.pdf"), pdf);
  });
});
