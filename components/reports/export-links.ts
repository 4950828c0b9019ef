/**
 * Where each export lives, built from the screens' own URL state so an export always equals the
 * screen (roster: RosterQuery; draw: the draw page's team/consultant/margin). Pure.
 */
import { rosterQueryToSearch, type RosterQuery } from "@/lib/clients/roster-query";

export type ExportFormat = "csv" | "xlsx" | "pdf" | "zip";

export interface ExportLink {
  label: string;
  href: string;
  format: ExportFormat;
  /** Shown under the label in the menu. */
  hint?: string;
}

/** The roster view's filters, sort and columns, without its page. */
export function rosterExportSearch(query: RosterQuery): string {
  return rosterQueryToSearch({ ...query, cursor: undefined, pageSize: 50 });
}

const withSearch = (path: string, search: string) => (search ? `${path}?${search}` : path);

export function rosterExportLinks(query: RosterQuery): ExportLink[] {
  const search = rosterExportSearch(query);
  return [
    { label: "Roster (CSV)", href: withSearch("/api/exports/roster.csv", search), format: "csv", hint: "Every page of this view, for any spreadsheet" },
    { label: "Roster (Excel)", href: withSearch("/api/exports/roster.xlsx", search), format: "xlsx", hint: "Typed dates and numbers, filters on" },
  ];
}

/** Client status reports for every client of the roster view (at most 500). */
export function rosterReportBatchLinks(query: RosterQuery): ExportLink[] {
  const search = `view=roster${rosterExportSearch(query) ? `&${rosterExportSearch(query)}` : ""}`;
  return [
    { label: "Client reports (ZIP of PDFs)", href: `/api/exports/clients/reports.zip?${search}`, format: "zip", hint: "One PDF per client, at most 500" },
    { label: "Client reports (one PDF)", href: `/api/exports/clients/reports.pdf?${search}`, format: "pdf", hint: "Every client's report in one file, at most 500" },
  ];
}

export function clientReportLink(clientId: string): ExportLink {
  return { label: "Status report (PDF)", href: `/api/exports/clients/${encodeURIComponent(clientId)}/report.pdf`, format: "pdf" };
}

/** `search`: the draw page's filters (team, consultant, margin) as a query string, or "". */
export function drawImpactLinks(drawNumber: string, search = ""): ExportLink[] {
  const base = `/api/exports/draws/${encodeURIComponent(drawNumber)}`;
  return [
    { label: "Impact (CSV)", href: withSearch(`${base}/impact.csv`, search), format: "csv", hint: "Above, newly above and near misses, one table" },
    { label: "Impact (Excel)", href: withSearch(`${base}/impact.xlsx`, search), format: "xlsx", hint: "A summary and one sheet per list" },
    { label: "Impact summary (PDF)", href: withSearch(`${base}/impact.pdf`, search), format: "pdf", hint: "Counts by team and consultant, the lists" },
  ];
}
