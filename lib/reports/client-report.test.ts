import { describe, expect, it } from "vitest";
import { calculateCrs } from "@/lib/crs";
import { chartScale, clientReport, drawResultText, type ClientReportInput, type ReportDraw } from "./client-report";

const draw = (number: string, cutoff: number, crs: number | null, extra: Partial<ReportDraw> = {}): ReportDraw => ({
  draw: { number, date: "2026-05-28", kind: "cec", cutoff },
  crs,
  eligible: true,
  reasons: [],
  above: crs != null && crs > cutoff,
  newlyAbove: false,
  nearMiss: crs != null && crs <= cutoff && cutoff - crs <= 10,
  margin: crs == null ? null : crs - cutoff,
  ...extra,
});

const breakdown = calculateCrs({
  age: 29,
  hasAccompanyingSpouse: false,
  education: "bachelors",
  firstLanguage: { language: "english", clb: { reading: 9, writing: 9, listening: 9, speaking: 9 } },
  secondLanguage: null,
  canadianWorkYears: 1,
  foreignWorkYears: 0,
  certificateOfQualification: false,
  siblingInCanada: false,
  canadianEducation: "none",
  provincialNomination: false,
} as never);

const input: ClientReportInput = {
  client: {
    firstName: "Amara",
    lastName: "Okoye",
    email: "amara@example.com",
    phone: null,
    dateOfBirth: "1996-05-10",
    citizenship: "Nigeria",
    teamName: "Toronto",
    status: "profile_active",
    profileNumber: "E123456789",
    profileSubmittedAt: "2026-01-15T14:30:15Z",
    profileExpiresOn: "2027-01-15",
    programs: ["CEC"],
    nominationProvince: null,
    nominatedOn: null,
    categories: ["healthcare"],
    crs: breakdown.total,
    crsEffectiveAt: "2026-01-15T14:30:15Z",
    crsSource: "calculated",
    crsReason: null,
    crsBreakdown: breakdown,
    languageTestType: "IELTS General",
    languageTestDate: "2025-03-01",
    ecaIssuer: "WES",
    ecaIssuedOn: "2024-02-01",
    deadlines: [{ kind: "language_test", label: "Language test results", dueOn: "2027-03-01", daysLeft: 259, band: null }],
    archived: false,
  },
  firm: { name: "Maple Route Immigration", timeZone: "America/Toronto" },
  consultant: { name: "Sofia Marin", licenceNumber: "R712345" },
  draws: [draw("418", 520, 532), draw("417", 530, 525)],
  generatedBy: "Sofia Marin",
  now: new Date("2026-06-15T16:00:00Z"),
};

describe("clientReport", () => {
  it("states the key facts in the firm's zone", () => {
    const r = clientReport(input);
    expect(r.clientName).toBe("Amara Okoye");
    expect(r.generatedAt).toBe("2026-06-15 12:00 EDT");
    expect(r.consultant).toContainEqual(["RCIC licence number", "R712345"]);
    expect(r.profile).toContainEqual(["Profile submitted", "2026-01-15 09:30:15 EST"]);
    expect(r.profile).toContainEqual(["Categories", "Healthcare and social services"]);
    expect(r.crs.total).toBe(String(breakdown.total));
    expect(r.deadlines).toEqual([{ item: "Language test results", dueOn: "2027-03-01", daysLeft: "259 days", status: "More than 90 days" }]);
    expect(r.breakdown!.total).toBe(breakdown.total);
    expect(r.breakdown!.sections.reduce((s, x) => s + x.points, 0)).toBe(breakdown.total);
    expect(r.draws.map((d) => [d.draw, d.margin, d.result])).toEqual([
      ["#418", "+12", "Above the cut-off"],
      ["#417", "−5", "Near miss"],
    ]);
  });

  it("says when there is no consultant or licence", () => {
    expect(clientReport({ ...input, consultant: null }).consultant[0]).toEqual(["Consultant", "No consultant assigned"]);
    expect(clientReport({ ...input, consultant: { name: "X", licenceNumber: null } }).consultant[1]).toEqual(["RCIC licence number", "Not recorded"]);
  });

  it("charts the client's score against each cut-off", () => {
    const { chart } = clientReport({ ...input, draws: [...input.draws, draw("400", 510, null)] });
    expect(chart.rows.map((r) => [r.label, r.cutoff, r.crs, r.marginText])).toEqual([
      ["#418 CEC", 520, 532, "+12"],
      ["#417 CEC", 530, 525, "−5"],
      ["#400 CEC", 510, null, "no score then"],
    ]);
    expect(chart.min).toBeLessThanOrEqual(510);
    expect(chart.max).toBeGreaterThanOrEqual(532);
  });

  it("explains ineligibility", () => {
    expect(drawResultText({ eligible: false, above: false, newlyAbove: false, nearMiss: false, reasons: ["no_category"] })).toBe("Not eligible: Not eligible for this draw's category");
    expect(drawResultText({ eligible: true, above: true, newlyAbove: true, nearMiss: false, reasons: [] })).toBe("Newly above the cut-off");
  });
});

describe("chartScale", () => {
  it.each([
    [[520, 532, 530, 525], 510, 540],
    [[300, 700], 200, 800],
    [[1195, 1200], 1170, 1200],
    [[10], 0, 30],
  ])("%j → from %i to %i", (values, min, max) => {
    const scale = chartScale(values);
    expect(scale.min).toBe(min);
    expect(scale.max).toBe(max);
    expect(scale.ticks[0]).toBe(min);
    expect(scale.ticks.at(-1)).toBe(max);
    expect(scale.ticks.length).toBeGreaterThanOrEqual(3);
    expect(scale.ticks.length).toBeLessThanOrEqual(9);
  });

  it("has a default range without values", () => {
    expect(chartScale([])).toEqual({ min: 0, max: 100, ticks: [0, 25, 50, 75, 100] });
  });
});
