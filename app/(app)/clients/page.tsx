import type { Metadata } from "next";
import { RosterFilters } from "@/components/clients/RosterFilters";
import { RosterTable } from "@/components/clients/RosterTable";
import { RosterToolbar } from "@/components/clients/RosterToolbar";
import { rosterHref } from "@/components/clients/roster-href";
import { ExportMenu } from "@/components/reports/ExportMenu";
import { rosterExportLinks, rosterReportBatchLinks } from "@/components/reports/export-links";
import { Alert, ButtonLink, CursorPagination, PageHeader } from "@/components/ui";
import { MAX_REPORT_BATCH } from "@/lib/db/exports";
import { can, seesAllTeams } from "@/lib/auth/scope";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import { listClients } from "@/lib/db/clients";
import { getFirm, listTeams } from "@/lib/db/firms";
import { listConsultants } from "@/lib/db/users";
import { requireViewer } from "@/lib/server/session";

export const metadata: Metadata = { title: "Clients" };

const fmt = new Intl.NumberFormat("en-CA");

function summary(start: number, shown: number, total: number): string {
  if (total === 0) return "No clients";
  if (shown === 0) return `No more clients (${fmt.format(total)} in all)`;
  const first = Math.min(start + 1, total);
  return `${fmt.format(first)}–${fmt.format(Math.min(first + shown - 1, total))} of ${fmt.format(total)} client${total === 1 ? "" : "s"}`;
}

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("clients.read");
  const query = parseRosterQuery(await searchParams);
  const [roster, teams, consultants, firm] = await Promise.all([listClients(viewer.scope, query), listTeams(viewer.scope), listConsultants(viewer.scope), getFirm(viewer.scope)]);
  const myTeams = seesAllTeams(viewer.scope) ? teams : teams.filter((t) => viewer.scope.teamIds.includes(t.id));
  const pageHref = (cursor: string | null) => (cursor ? rosterHref({ ...query, cursor }) : null);

  return (
    <div className="stack">
      <PageHeader
        title="Clients"
        description={seesAllTeams(viewer.scope) ? "Every client of the firm." : `Clients of ${myTeams.map((t) => t.name).join(", ") || "your teams"}.`}
        actions={
          <>
            {can(viewer.scope, "clients.delete") && (
              <ButtonLink href="/clients/deleted" variant="ghost">
                Recently deleted
              </ButtonLink>
            )}
            {can(viewer.scope, "clients.export") && (
              <ExportMenu links={[...rosterExportLinks(query), ...(roster.total <= MAX_REPORT_BATCH ? rosterReportBatchLinks(query) : [])]} />
            )}
            {can(viewer.scope, "clients.import") && <ButtonLink href="/clients/import">Import CSV</ButtonLink>}
            {can(viewer.scope, "clients.write") && (
              <ButtonLink href="/clients/new" variant="primary">
                New client
              </ButtonLink>
            )}
          </>
        }
      />
      {query.cursorNotice && (
        <Alert tone="info" title="Back to the first page">
          {query.cursorNotice}
        </Alert>
      )}
      <RosterFilters
        query={query}
        teams={myTeams.map((t) => ({ id: t.id, name: t.name }))}
        consultants={consultants.map((c) => ({ id: c.id, name: c.name }))}
        cutoffs={roster.latestCutoffs.filter((c) => c.kind !== "unrecognised").map((c) => ({ kind: c.kind, drawNumber: c.drawNumber, cutoff: c.cutoff }))}
      />
      <div className="stack-sm">
        <div className="row-between">
          <p className="small muted num" aria-live="polite">
            {summary(roster.start, roster.rows.length, roster.total)}
          </p>
          <RosterToolbar query={query} />
        </div>
        <RosterTable rows={roster.rows} query={query} total={roster.total} timeZone={firm.timeZone} />
        <CursorPagination
          previousHref={pageHref(roster.previousCursor)}
          nextHref={pageHref(roster.nextCursor)}
          firstHref={query.cursor ? rosterHref({ ...query, cursor: undefined }) : null}
        />
      </div>
    </div>
  );
}
