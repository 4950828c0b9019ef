/**
 * The draw impact report's columns: the draw page's lists (above, newly above, near misses) with
 * the CRS each client had at the draw time and the margin against its cut-off. Pure.
 */
import { TIE_BREAK_LABELS, type TieBreakOutcome } from "@/lib/draws/eligibility";
import { column, type ReportColumn } from "./columns";
import { wallClock } from "./wall-clock";

export const IMPACT_LISTS = ["above", "newly_above", "near_miss"] as const;
export type ImpactList = (typeof IMPACT_LISTS)[number];

export const IMPACT_LIST_LABELS: Record<ImpactList, string> = {
  above: "Above the cut-off",
  newly_above: "Newly above",
  near_miss: "Near miss",
};

/** One client in a list (lib/db/draws/impact.ts ImpactRow fits). */
export interface ImpactReportRow {
  clientId: string;
  firstName: string;
  lastName: string;
  profileNumber: string | null;
  teamName: string;
  consultantName: string | null;
  crs: number;
  margin: number;
  profileSubmittedAt: string | null;
  tieBreak: TieBreakOutcome;
}

export type ListedImpactRow = ImpactReportRow & { list: ImpactList };

export function impactReportColumns(timeZone: string, withList: boolean): ReportColumn<ListedImpactRow>[] {
  return [
    ...(withList ? [column<ListedImpactRow>("list", "List", "text", 18, (r) => IMPACT_LIST_LABELS[r.list])] : []),
    column<ListedImpactRow>("lastName", "Last name", "text", 16, (r) => r.lastName),
    column<ListedImpactRow>("firstName", "First name", "text", 14, (r) => r.firstName),
    column<ListedImpactRow>("profileNumber", "Profile number", "text", 16, (r) => r.profileNumber),
    column<ListedImpactRow>("team", "Team", "text", 16, (r) => r.teamName),
    column<ListedImpactRow>("consultant", "Consultant", "text", 20, (r) => r.consultantName),
    column<ListedImpactRow>("crs", "CRS at the draw", "number", 8, (r) => r.crs),
    column<ListedImpactRow>("margin", "Margin", "number", 8, (r) => r.margin),
    column<ListedImpactRow>("tieBreak", "Tie-break", "text", 30, (r) => (r.tieBreak === "not_applicable" ? null : TIE_BREAK_LABELS[r.tieBreak])),
    column<ListedImpactRow>("profileSubmittedAt", `Profile submitted (${timeZone})`, "datetime", 20, (r) => (r.profileSubmittedAt ? wallClock(r.profileSubmittedAt, timeZone) : null)),
    column<ListedImpactRow>("clientId", "Client ID", "text", 38, (r) => r.clientId),
  ];
}

/** The three lists as one table with a "List" column, in the page's order. */
export function listedImpactRows(lists: Record<"above" | "newlyAbove" | "nearMiss", readonly ImpactReportRow[]>): ListedImpactRow[] {
  return [
    ...lists.above.map((r) => ({ ...r, list: "above" as const })),
    ...lists.newlyAbove.map((r) => ({ ...r, list: "newly_above" as const })),
    ...lists.nearMiss.map((r) => ({ ...r, list: "near_miss" as const })),
  ];
}
