import { describe, expect, it } from "vitest";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import { rosterViewText } from "./roster-view-text";

const team = "6f1c1c57-5a0e-4c5e-9a55-0b8c4b1f0a11";
const names = { teams: new Map([[team, "Toronto"]]), consultants: new Map<string, string>() };

describe("rosterViewText", () => {
  it("says what the view holds", () => {
    const text = rosterViewText(parseRosterQuery({ q: "pat", team, status: "profile_active", crsMin: "450", cutoff: "above:cec", archived: "include", sort: "crs", dir: "desc" }), names);
    expect(text.filters).toEqual([
      "Search: “pat”",
      "Team: Toronto",
      "Status: Profile in the pool",
      "CRS 450 or more",
      "Above the latest Canadian Experience Class cut-off",
      "Archived clients included",
    ]);
    expect(text.order).toBe("Sorted by CRS, descending");
  });

  it("has no filters by default", () => {
    expect(rosterViewText(parseRosterQuery({}), names)).toMatchObject({ filters: [], order: "Sorted by name, ascending" });
  });
});
