import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import { rosterExportLinks } from "./export-links";
import { ExportMenu } from "./ExportMenu";

describe("ExportMenu", () => {
  it("lists each export as a button with its hint, under a disclosure", () => {
    const html = renderToStaticMarkup(createElement(ExportMenu, { links: rosterExportLinks(parseRosterQuery({ status: "profile_active" })) }));
    expect(html).toMatch(/^<details[^>]*><summary[^>]*>Export<\/summary>/);
    expect(html).toContain(">Roster (CSV)</button>");
    expect(html).toContain(">Roster (Excel)</button>");
    expect(html).toContain("Every page of this view, for any spreadsheet");
    expect(html).not.toContain("<progress");
  });
});
