import type { Metadata } from "next";
import Link from "next/link";
import { DownloadButton } from "@/components/reports/DownloadButton";
import { DrawImpactExports } from "@/components/reports/DrawImpactExports";
import { clientReportLink, rosterExportLinks, rosterExportSearch, rosterReportBatchLinks } from "@/components/reports/export-links";
import { Alert, Button, Card, Input, PageHeader, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import { seesAllTeams } from "@/lib/auth/scope";
import { parseRosterQuery } from "@/lib/clients/roster-query";
import { listClients } from "@/lib/db/clients";
import { listDraws } from "@/lib/db/draws";
import { MAX_REPORT_BATCH } from "@/lib/db/exports";
import { listTeams } from "@/lib/db/firms";
import { listConsultants } from "@/lib/db/users";
import { DRAW_KIND_LABELS } from "@/lib/draws/kinds";
import { formatCount } from "@/lib/reports/labels";
import { rosterViewText } from "@/lib/reports/roster-view-text";
import { requireViewer } from "@/lib/server/session";
import styles from "@/components/reports/Reports.module.css";

export const metadata: Metadata = { title: "Reports" };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

/**
 * The exports in one place, for the roster view in the URL (the Clients page links here with its
 * filters): roster status report, client status reports (one client, or the whole view), and the
 * impact report of a draw. Every file is scoped to what the viewer may see and audited.
 */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer("clients.export");
  const params = await searchParams;
  const query = parseRosterQuery(params);
  const clientSearch = first(params.client).slice(0, 100);
  const [roster, teams, consultants, draws, matches] = await Promise.all([
    listClients(viewer.scope, { ...query, cursor: undefined, pageSize: 25 }),
    listTeams(viewer.scope),
    listConsultants(viewer.scope),
    listDraws({ pageSize: 60 }),
    clientSearch ? listClients(viewer.scope, parseRosterQuery({ q: clientSearch, archived: "include", pageSize: "25" })) : null,
  ]);
  const text = rosterViewText(query, { teams: new Map(teams.map((t) => [t.id, t.name])), consultants: new Map(consultants.map((c) => [c.id, c.name])) });
  const search = rosterExportSearch(query);
  const reach = seesAllTeams(viewer.scope) ? "every client of the firm" : "the clients of your teams";

  return (
    <div className="stack-lg">
      <PageHeader title="Reports" description={`Exports hold ${reach} and nothing else; each one is written to the audit log.`} />

      <Card
        title="Roster status report"
        description="Every client of this roster view (all pages), with the CRS, the margin against the latest cut-off of each draw kind the client can be invited in, the status and every deadline."
      >
        <div className="stack">
          <div className="small">
            <p>
              <strong>{formatCount(roster.total)}</strong> client{roster.total === 1 ? "" : "s"} in this view. {text.order}.
            </p>
            {text.filters.length > 0 ? (
              <ul className={styles.filters} aria-label="Filters of this view">
                {text.filters.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">No filters: all clients (archived left out).</p>
            )}
            <p className="muted">Columns: {text.columns}, then the report&apos;s own (margins per kind, deadlines).</p>
            <p>
              <Link href={search ? `/clients?${search}` : "/clients"}>Change the view on the Clients page</Link>
            </p>
          </div>
          <div className={styles.exports}>
            {rosterExportLinks(query).map((link) => (
              <DownloadButton key={link.href} link={link} variant="primary" />
            ))}
          </div>
        </div>
      </Card>

      <Card title="Client status reports" description="A branded PDF per client: profile facts, consultant and licence, CRS breakdown, the score against recent cut-offs, deadlines.">
        <div className="stack">
          <form method="get" action="/reports" className="row" role="search" aria-label="Find a client for a report">
            {Object.entries(Object.fromEntries(new URLSearchParams(search))).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <label className="row small">
              Client
              <Input name="client" defaultValue={clientSearch} placeholder="Name, email or profile number" style={{ width: 280 }} />
            </label>
            <Button type="submit">Find</Button>
          </form>
          {matches && (
            <Table caption={`Clients matching “${clientSearch}”`} maxHeight="none">
              <THead>
                <TR>
                  <TH>Client</TH>
                  <TH>Profile number</TH>
                  <TH>Team</TH>
                  <TH>Report</TH>
                </TR>
              </THead>
              <TBody>
                {matches.rows.length === 0 && <TableEmptyRow colSpan={4}>No client matches.</TableEmptyRow>}
                {matches.rows.map((c) => (
                  <TR key={c.id}>
                    <TD>
                      <Link href={`/clients/${c.id}`}>
                        {c.lastName}, {c.firstName}
                      </Link>
                    </TD>
                    <TD className="mono">{c.profileNumber ?? ""}</TD>
                    <TD>{c.teamName}</TD>
                    <TD>
                      <DownloadButton link={{ ...clientReportLink(c.id), label: `PDF for ${c.firstName} ${c.lastName}` }} size="sm" />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          <div className="stack-sm">
            <p className="small">
              <strong>Every client of this view</strong> ({formatCount(roster.total)}): one PDF per client in a ZIP, or all in one PDF. At most {MAX_REPORT_BATCH} clients at a time.
            </p>
            {roster.total > MAX_REPORT_BATCH ? (
              <Alert tone="info" title="Too many clients for one batch">
                This view has {formatCount(roster.total)} clients. Narrow the filters on the Clients page to {MAX_REPORT_BATCH} or fewer.
              </Alert>
            ) : roster.total === 0 ? (
              <p className="small muted">No client in this view.</p>
            ) : (
              <div className={styles.exports}>
                {rosterReportBatchLinks(query).map((link) => (
                  <DownloadButton key={link.href} link={link} />
                ))}
              </div>
            )}
          </div>
        </div>
      </Card>

      <Card title="Draw impact report" description="For one draw: your clients above its cut-off, newly above, and near misses (the firm's margin), with the CRS each had at the draw time.">
        <DrawImpactExports
          draws={draws.draws.map((d) => ({ number: d.number, label: `#${d.number} · ${d.date} · ${DRAW_KIND_LABELS[d.kind] ?? d.kind} · cut-off ${d.cutoff}` }))}
          initial={first(params.draw) || undefined}
        />
      </Card>
    </div>
  );
}
