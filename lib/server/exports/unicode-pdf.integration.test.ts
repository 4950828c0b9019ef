import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, pdfToText } from "@/scripts/lib/pdf-check";
import type { ClientInputDraft } from "@/lib/clients/schema";
import { createClient } from "@/lib/db/clients";
import { importRounds } from "@/lib/db/draws/import";
import { drawImpactExport } from "@/lib/db/exports";
import { prisma } from "@/lib/db/prisma";
import { createTestFirm, type TestFirm } from "@/lib/db/testing/fixtures";
import { parseRounds } from "@/lib/draws/parse-rounds";
import { clientReportPdf } from "./client-reports";
import { impactPdf } from "./draw-impact";

/**
 * Client names outside Latin-1 (common among clients) are drawn with embedded Noto fonts and come
 * back out of the PDF as the same text, never as "?" (Helvetica alone has only WinAnsi).
 */

const NOW = new Date("2026-06-15T16:00:00Z");
const CLIENTS = [
  { key: "chinese", firstName: "小明", lastName: "王" },
  { key: "arabic", firstName: "محمد", lastName: "العلي" },
  { key: "devanagari", firstName: "अनीता", lastName: "शर्मा" },
  { key: "vietnamese", firstName: "Thị Hương", lastName: "Nguyễn" },
] as const;
let firm: TestFirm;
const ids: Record<string, string> = {};

/** The extracted line holding `word`; fails the test when there is none. */
function lineWith(text: string, word: string): string {
  const line = text.split("\n").find((l) => l.includes(word));
  expect(line, `no line with ${word} in:\n${text}`).toBeDefined();
  return line!;
}

/**
 * Every name as text. Chinese and Vietnamese come out as written. Arabic is drawn right to left,
 * so extractors read its words in display order (`arabicShown`), each word readable. Devanagari:
 * the reph र् of शर्मा is a mark drawn over the end of its syllable, so extractors read it last;
 * every letter must be there.
 */
function expectNames(text: string, format: (c: (typeof CLIENTS)[number]) => string, arabicShown: string) {
  expect(text).toContain(format(CLIENTS[0]));
  expect(text).toContain(format(CLIENTS[3]));
  expect(text).toContain(arabicShown);
  const devanagari = lineWith(text, "अनीता");
  for (const ch of "शर्मा") expect(devanagari).toContain(ch);
  expect(text).not.toContain("?");
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  const { rounds, warnings } = parseRounds(JSON.parse(await readFile(path.join(process.cwd(), "data", "ee_rounds_123_en.json"), "utf8")));
  await importRounds(rounds, { source: "unicode pdf test", importedBy: null, warnings });
  firm = await createTestFirm({ label: "pdf-unicode", users: [{ role: "owner", teams: [0] }, { role: "consultant", teams: [0], name: "Trần Văn Minh" }] });
  const consultant = firm.user("consultant");
  for (const [i, c] of CLIENTS.entries()) {
    ({ id: ids[c.key] } = await createClient(consultant.scope, {
      teamId: firm.teams[0].id,
      consultantId: consultant.id,
      status: "profile_active",
      programs: ["CEC"],
      profileSubmittedAt: "2025-08-20T15:04:05Z",
      firstName: c.firstName,
      lastName: c.lastName,
      profileNumber: `E55500000${i}`,
      manualCrs: 470 + i,
      manualCrsReason: "From the IRCC account",
    } as ClientInputDraft));
  }
});

describe("PDF reports with names in Chinese, Arabic, Devanagari and Vietnamese", () => {
  it("client status reports carry each name as text", async () => {
    const texts: string[] = [];
    for (const c of CLIENTS) {
      const { pdf } = await clientReportPdf(firm.user("consultant").scope, ids[c.key], { actor: { email: "tran@test", name: "Trần Văn Minh" }, now: NOW });
      await writeFile(path.join(ARTIFACTS, `client-report-${c.key}.pdf`), pdf);
      // Fonts are embedded as subsets of the glyphs used: a name adds kilobytes, not the font files.
      expect(pdf.length).toBeLessThan(60_000);
      const text = await pdfToText(pdf);
      expect(text).toContain("Client status report");
      expect(text).toContain("Trần Văn Minh");
      texts.push(text);
    }
    expectNames(texts.join("\n"), (c) => `${c.firstName} ${c.lastName}`, "العلي محمد");
  });

  it("the draw impact report lists every name as text", async () => {
    const [cec] = await prisma().$queryRaw<{ number: string }[]>`
      SELECT d."number" FROM "Draw" d WHERE d."kind" = 'cec' ORDER BY d."date" DESC, d."number" DESC LIMIT 1`;
    const impact = await drawImpactExport(firm.user("owner").scope, cec.number, { format: "pdf", margin: 200 });
    const pdf = await impactPdf(impact, { firmName: firm.name, timeZone: "America/Toronto", generatedBy: "Owner", now: NOW });
    await writeFile(path.join(ARTIFACTS, "draw-impact-unicode.pdf"), pdf);
    const text = await pdfToText(pdf);
    expectNames(text, (c) => `${c.lastName}, ${c.firstName}`, "محمد ,العلي");
    expect(text).toContain("Trần Văn Minh");
  });
});
