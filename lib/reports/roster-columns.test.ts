import { describe, expect, it } from "vitest";
import { DEFAULT_COLUMNS } from "@/lib/clients/roster-query";
import { nextDeadline, rosterReport, type LatestKindCutoff, type RosterReportRow } from "./roster-columns";

const latest: LatestKindCutoff[] = [
  { kind: "cec", drawNumber: "418", cutoff: 520, date: "2026-05-28" },
  { kind: "pnp", drawNumber: "417", cutoff: 700, date: "2026-05-27" },
  { kind: "general", drawNumber: "300", cutoff: 480, date: "2024-04-23" },
  { kind: "french", drawNumber: "410", cutoff: 400, date: "2026-04-01" },
];

const row: RosterReportRow = {
  id: "c1",
  firstName: "Amara",
  lastName: "Okoye",
  email: "amara@example.com",
  profileNumber: "E123456789",
  teamName: "Toronto",
  consultantName: "Sofia",
  status: "profile_active",
  crs: 515,
  programs: ["CEC"],
  categories: [],
  nominationProvince: null,
  profileSubmittedAt: "2026-01-15T09:30:00",
  profileExpiresOn: "2027-01-15",
  languageTestExpiresOn: "2026-07-01",
  ecaExpiresOn: null,
  workPermitExpiresOn: "2026-06-10",
  passportExpiresOn: "2031-01-01",
  applicationDueOn: null,
  itaRound: null,
  archived: false,
  updatedAt: "2026-06-01T12:00:00",
};

const ctx = { cols: DEFAULT_COLUMNS, archived: "exclude" as const, latest, timeZone: "America/Toronto", today: "2026-06-15" };
const rosterReportColumns = (c: Parameters<typeof rosterReport>[0]) => rosterReport(c).columns;
const values = (c: Parameters<typeof rosterReport>[0], r: RosterReportRow) => {
  const report = rosterReport(c);
  const line = report.line(r);
  return Object.fromEntries(report.columns.map((col) => [col.key, col.value(line)]));
};

describe("rosterReportColumns", () => {
  it("follows the view's order and adds what a status report needs", () => {
    const cols = rosterReportColumns(ctx);
    expect(cols.map((c) => c.key)).toEqual([
      "lastName", "firstName", "profileNumber", "team", "consultant", "status", "crs",
      "margin", "marginDraw", "margin_general", "margin_cec", "margin_pnp", "margin_french",
      "due_profile", "due_application", "due_language_test", "due_eca", "due_work_permit", "due_passport", "nextDeadline", "nextDeadlineDays",
    ]);
    expect(cols.find((c) => c.key === "margin_cec")!.header).toBe("Margin: CEC #418 (cut-off 520)");
  });

  it("keeps a narrow view's columns first, then the required ones; archived shows when included", () => {
    const cols = rosterReportColumns({ ...ctx, cols: ["email", "crs"], archived: "include" });
    expect(cols.slice(0, 4).map((c) => c.key)).toEqual(["lastName", "firstName", "email", "crs"]);
    expect(cols.map((c) => c.key)).toContain("status");
    expect(cols.map((c) => c.key)).toContain("due_passport");
    expect(cols.at(-1)!.key).toBe("archived");
  });

  it("gives margins only for the kinds relevant to the client, as numbers", () => {
    const v = values(ctx, row);
    expect(v.margin).toBe(-5);
    expect(v.marginDraw).toBe("CEC #418, cut-off 520");
    expect(v.margin_cec).toBe(-5);
    expect(v.margin_general).toBe(35);
    expect(v.margin_pnp).toBeNull();
    expect(v.margin_french).toBeNull();
    const nominated = values(ctx, { ...row, nominationProvince: "ON", categories: ["french"], crs: 1115 });
    expect(nominated.margin_pnp).toBe(415);
    expect(nominated.margin_french).toBe(715);
    expect(values(ctx, { ...row, crs: null }).margin_cec).toBeNull();
  });

  it("gives each row its own margins and deadline when rows share their programs and categories arrays (as the export's do)", () => {
    const report = rosterReport(ctx);
    const programs = ["CEC"];
    const categories = ["french"];
    const lines = [
      { ...row, programs, categories, crs: 530 },
      { ...row, programs, categories, crs: 500, nominationProvince: "ON", workPermitExpiresOn: "2026-06-20" },
      { ...row, programs, categories, crs: null },
      { ...row, programs, categories, crs: 530, nominationProvince: "  " },
    ].map((r) => {
      const line = report.line(r);
      return Object.fromEntries(report.columns.map((col) => [col.key, col.value(line)]));
    });
    expect(lines.map((l) => [l.margin, l.marginDraw, l.margin_pnp, l.margin_french])).toEqual([
      [10, "CEC #418, cut-off 520", null, 130],
      [-20, "CEC #418, cut-off 520", -200, 100],
      [null, "CEC #418, cut-off 520", null, null],
      [10, "CEC #418, cut-off 520", null, 130],
    ]);
    expect(lines.map((l) => [l.nextDeadline, l.nextDeadlineDays])).toEqual([
      ["Work permit", -5],
      ["Work permit", 5],
      ["Work permit", -5],
      ["Work permit", -5],
    ]);
    // Each row's result is the same as a report that has seen no other row.
    for (const r of [{ ...row, programs, categories, crs: 500, nominationProvince: "ON" }]) {
      expect(values(ctx, { ...r, programs: [...programs], categories: [...categories] })).toEqual(values(ctx, r));
    }
  });

  it("types every column", () => {
    const byKey = Object.fromEntries(rosterReportColumns({ ...ctx, cols: ["name", "profileSubmittedAt", "updatedAt"] }).map((c) => [c.key, c.type]));
    expect(byKey).toMatchObject({ crs: "number", margin: "number", due_profile: "date", profileSubmittedAt: "datetime", updatedAt: "datetime", status: "text" });
  });

  it("names the next deadline with days left, overdue first", () => {
    expect(nextDeadline(row, "2026-06-15")).toEqual({ kind: "work_permit", label: "Work permit", daysLeft: -5 });
    expect(nextDeadline({ ...row, workPermitExpiresOn: null }, "2026-06-15")).toEqual({ kind: "language_test", label: "Language test results", daysLeft: 16 });
    expect(nextDeadline({ ...row, profileExpiresOn: null, languageTestExpiresOn: null, workPermitExpiresOn: null, passportExpiresOn: null }, "2026-06-15")).toBeNull();
  });
});
