// The exports' data API; `@/lib/db/exports` imports resolve here. sources.ts holds the row sources
// (scoped, gated, audited), snapshot.ts the read-only snapshot they stream from, and
// roster-statements.ts the roster's query without pages. Files here import each other directly.
export {
  type ClientReportData,
  type ExportActor,
  type ReportBatch,
  type RosterExport,
  EXPORT_BATCH_SIZE,
  MAX_REPORT_BATCH,
  auditClientReport,
  clientReportData,
  drawImpactExport,
  openReportBatch,
  openRosterExport,
  rosterFilters,
} from "./sources";
