/**
 * A roster view (RosterQuery) in words, for the Reports page: what an export of it will hold.
 * Pure: team and consultant names come in.
 */
import { ROSTER_COLUMN_LABELS, type RosterQuery } from "@/lib/clients/roster-query";
import { CLIENT_STATUS_LABELS } from "@/lib/clients/status";
import { DRAW_KIND_LABELS, type DrawKind } from "@/lib/draws/kinds";

const SORT_LABELS: Record<RosterQuery["sort"], string> = {
  name: "name",
  email: "email",
  profileNumber: "profile number",
  team: "team",
  consultant: "consultant",
  status: "status",
  crs: "CRS",
  margin: "margin",
  profileSubmittedAt: "submission time",
  profileExpiresOn: "profile expiry",
  updatedAt: "last update",
};

export function rosterViewText(query: RosterQuery, names: { teams: Map<string, string>; consultants: Map<string, string> }): { filters: string[]; order: string; columns: string } {
  const filters: string[] = [];
  const nameList = (ids: string[], map: Map<string, string>) => ids.map((id) => map.get(id) ?? "unknown").join(", ");
  if (query.q) filters.push(`Search: “${query.q}”`);
  if (query.team.length) filters.push(`Team: ${nameList(query.team, names.teams)}`);
  if (query.consultant.length) filters.push(`Consultant: ${nameList(query.consultant, names.consultants)}`);
  if (query.status.length) filters.push(`Status: ${query.status.map((s) => CLIENT_STATUS_LABELS[s]).join(", ")}`);
  if (query.program.length) filters.push(`Program: ${query.program.join(", ")}`);
  if (query.category.length) filters.push(`Category: ${query.category.map((c) => DRAW_KIND_LABELS[c as DrawKind] ?? c).join(", ")}`);
  if (query.crsMin !== undefined && query.crsMax !== undefined) filters.push(`CRS from ${query.crsMin} to ${query.crsMax}`);
  else if (query.crsMin !== undefined) filters.push(`CRS ${query.crsMin} or more`);
  else if (query.crsMax !== undefined) filters.push(`CRS ${query.crsMax} or less`);
  if (query.expiringWithin !== undefined) filters.push(`A deadline within ${query.expiringWithin} days (or overdue)`);
  if (query.cutoff) {
    const [side, kind] = query.cutoff.split(":");
    filters.push(`${side === "above" ? "Above" : "Below"} the latest ${DRAW_KIND_LABELS[kind as DrawKind] ?? kind} cut-off`);
  }
  if (query.archived === "include") filters.push("Archived clients included");
  if (query.archived === "only") filters.push("Archived clients only");
  return {
    filters,
    order: `Sorted by ${SORT_LABELS[query.sort]}, ${query.dir === "desc" ? "descending" : "ascending"}`,
    columns: query.cols.map((c) => ROSTER_COLUMN_LABELS[c]).join(", "),
  };
}
