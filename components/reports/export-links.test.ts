import { describe, expect, it } from "vitest";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import { clientReportLink, drawImpactLinks, rosterExportLinks, rosterReportBatchLinks } from "./export-links";

describe("export links", () => {
  it("carry the roster view's filters, sort and columns but not its page", () => {
    const query = parseRosterQuery({ status: "profile_active", crsMin: "450", sort: "crs", dir: "desc", pageSize: "100", cols: "name,crs" });
    query.cursor = "eyJzIjoiY3JzIn0";
    const [csv, xlsx] = rosterExportLinks(query);
    const params = new URL(csv.href, "http://x").searchParams;
    expect(new URL(csv.href, "http://x").pathname).toBe("/api/exports/roster.csv");
    expect(Object.fromEntries(params)).toEqual({ status: "profile_active", crsMin: "450", sort: "crs", dir: "desc", cols: "name,crs" });
    expect(parseRosterQuery(params)).toEqual({ ...query, cursor: undefined, pageSize: 50 });
    expect(xlsx.href).toBe(csv.href.replace("roster.csv", "roster.xlsx"));
    expect(rosterExportLinks(parseRosterQuery({}))[0].href).toBe("/api/exports/roster.csv");
  });

  it("select a batch by the roster view", () => {
    const [zip, pdf] = rosterReportBatchLinks(parseRosterQuery({ team: "6f1c1c57-5a0e-4c5e-9a55-0b8c4b1f0a11" }));
    expect(zip.href).toBe("/api/exports/clients/reports.zip?view=roster&team=6f1c1c57-5a0e-4c5e-9a55-0b8c4b1f0a11");
    expect(pdf.href).toBe("/api/exports/clients/reports.pdf?view=roster&team=6f1c1c57-5a0e-4c5e-9a55-0b8c4b1f0a11");
    expect(rosterReportBatchLinks(parseRosterQuery({}))[0].href).toBe("/api/exports/clients/reports.zip?view=roster");
  });

  it("point at one client and one draw", () => {
    expect(clientReportLink("abc").href).toBe("/api/exports/clients/abc/report.pdf");
    expect(drawImpactLinks("91a", "margin=5").map((l) => l.href)).toEqual([
      "/api/exports/draws/91a/impact.csv?margin=5",
      "/api/exports/draws/91a/impact.xlsx?margin=5",
      "/api/exports/draws/91a/impact.pdf?margin=5",
    ]);
  });
});
