import type { Metadata } from "next";
import Link from "next/link";
import { ClientItaForm } from "@/components/clients/ClientItaForm";
import { ClientRecordActions } from "@/components/clients/ClientRecordActions";
import { CrsBreakdown } from "@/components/clients/CrsBreakdown";
import { DeadlineBadge } from "@/components/clients/DeadlineBadges";
import { Facts, factsStyles } from "@/components/clients/Facts";
import { LanguageTestResults } from "@/components/clients/LanguageTestResults";
import { DRAW_KIND_SHORT, formatMargin, STATUS_TONES } from "@/components/clients/labels";
import { ScoreHistoryChart } from "@/components/clients/ScoreHistoryChart";
import { DownloadButton } from "@/components/reports/DownloadButton";
import { clientReportLink } from "@/components/reports/export-links";
import { Alert, Badge, ButtonLink, Card, PageHeader, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import { can } from "@/lib/auth/scope";
import { allowedItaActions } from "@/lib/clients/ita-transitions";
import { CLIENT_STATUS_LABELS } from "@/lib/clients/status";
import { ageOn, comingCrsChanges, type CrsChange } from "@/lib/crs";
import { formatInstant, todayIn } from "@/lib/dates";
import { listAuditForEntity } from "@/lib/db/audit";
import { getClientScoreHistory } from "@/lib/db/clients";
import { clientDrawResults } from "@/lib/db/draws/client-results";
import { DRAW_KIND_LABELS, type DrawKind } from "@/lib/draws/kinds";
import { recordedTestLabel } from "@/lib/language/recorded-test";
import { INELIGIBLE_REASON_LABELS, TIE_BREAK_LABELS } from "@/lib/draws/eligibility";
import { requireViewer } from "@/lib/server/session";
import { clientOr404, orNotFound } from "../load-client";
import { archiveClientAction, deleteClientAction, transitionClientAction, unarchiveClientAction } from "./actions";

export const metadata: Metadata = { title: "Client" };

const SOURCE_LABELS: Record<string, string> = { calculated: "Calculator", manual: "Entered by hand", import: "CSV import" };

const FIELD_LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  teamId: "Team",
  consultantId: "Consultant",
  profileSubmittedAt: "Profile submitted",
  profileExpiresOn: "Profile expires",
  crs: "CRS",
  crsFactors: "CRS factors",
  archivedAt: "Archived",
  deletedAt: "Deleted",
};

function describeChanges(changes: unknown): string {
  if (!changes || typeof changes !== "object") return "";
  const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "object" ? "(changed)" : String(v));
  return Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)
    .map(([field, c]) => (field === "crsFactors" ? "CRS factors changed" : `${FIELD_LABELS[field] ?? field}: ${show(c?.from)} → ${show(c?.to)}`))
    .join("; ");
}

function comingChanges(client: { crsFactors: Parameters<typeof comingCrsChanges>[0] | null; dateOfBirth: string | null; canadianWorkStartedOn: string | null }, today: string): CrsChange[] {
  if (!client.crsFactors || !client.dateOfBirth) return [];
  try {
    const input = { ...client.crsFactors, age: ageOn(client.dateOfBirth, today) };
    return comingCrsChanges(input, { dateOfBirth: client.dateOfBirth, canadianWorkStartedOn: client.canadianWorkStartedOn }, today);
  } catch {
    return [];
  }
}

type DrawOutcome = Awaited<ReturnType<typeof clientDrawResults>>[number];

/** Eligible and above, newly above, a near miss, below, or not eligible: in words, coloured to match. */
function DrawResultBadge({ result: d }: { result: DrawOutcome }) {
  if (!d.eligible) return <Badge tone="neutral">Not eligible</Badge>;
  if (d.above) return <Badge tone="success">{d.newlyAbove ? "Newly above" : "Above"}</Badge>;
  if (d.nearMiss) return <Badge tone="warning">Near miss</Badge>;
  return <Badge tone="danger">Below</Badge>;
}

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer("clients.read");
  const client = await clientOr404(viewer.scope, id);
  const [history, draws, audit] = await Promise.all([
    orNotFound(getClientScoreHistory(viewer.scope, id)),
    orNotFound(clientDrawResults(viewer.scope, id, { limit: 12 })),
    listAuditForEntity(viewer.scope, "client", id, 50),
  ]);
  const tz = client.timeZone;
  const now = new Date();
  const today = todayIn(tz, now);
  const at = (iso: string | null, seconds = false) => (iso ? formatInstant(iso, tz, { seconds }) : null);
  const name = `${client.firstName} ${client.lastName}`;
  const changes = comingChanges(client, today);
  const mayWrite = can(viewer.scope, "clients.write");
  const mayDelete = can(viewer.scope, "clients.delete");
  const mayExport = can(viewer.scope, "clients.export");
  const ordered = [...history].sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt));
  const eligibleDraws = draws.filter((d) => d.eligible);
  const latestEligible = eligibleDraws[0];
  const chartSummary =
    ordered.length === 0
      ? "No CRS recorded yet."
      : `CRS ${ordered[0].crs} from ${at(ordered[0].effectiveAt)}${ordered.length > 1 ? `, now ${ordered[ordered.length - 1].crs} since ${at(ordered[ordered.length - 1].effectiveAt)}` : ""}; ${ordered.length} score${ordered.length === 1 ? "" : "s"} recorded.`;

  return (
    <div className="stack">
      <PageHeader
        eyebrow={<Link href="/clients">Clients</Link>}
        title={name}
        description={
          <span className="row">
            <Badge tone={STATUS_TONES[client.status]} dot>
              {CLIENT_STATUS_LABELS[client.status]}
            </Badge>
            {client.archived && <Badge tone="warning">Archived</Badge>}
            <span>
              {client.teamName} · {client.consultantName ?? "no consultant"}
              {client.profileNumber && (
                <>
                  {" "}
                  · <span className="mono">{client.profileNumber}</span>
                </>
              )}
            </span>
          </span>
        }
        actions={
          (mayWrite || mayDelete || mayExport) && (
            <>
              {mayExport && <DownloadButton link={clientReportLink(client.id)} />}
              {mayWrite && (
                <ButtonLink href={`/clients/${client.id}/edit`} variant="primary">
                  Edit
                </ButtonLink>
              )}
              <ClientRecordActions
                clientId={client.id}
                name={name}
                archived={client.archived}
                archiveAction={mayWrite ? archiveClientAction : undefined}
                unarchiveAction={mayWrite ? unarchiveClientAction : undefined}
                deleteAction={mayDelete ? deleteClientAction : undefined}
              />
            </>
          )
        }
      />

      {client.archived && (
        <Alert tone="warning" title="Archived">
          Archived {at(client.archivedAt)}: hidden from the roster and from draw results until unarchived.
        </Alert>
      )}

      <div className={factsStyles.layout}>
        <div className="stack">
          <Card
            title="CRS"
            description={
              client.crsBreakdown
                ? "Computed by the calculator from the stored factors."
                : client.crs !== null
                  ? `Entered by hand: ${client.crsReason ?? (client.crsSource === "import" ? "imported from CSV" : "no reason recorded")}`
                  : "No score recorded yet."
            }
          >
            <div className="stack">
              <div className={factsStyles.score}>
                <span className={factsStyles.scoreValue} data-testid="client-crs">
                  {client.crs ?? "—"}
                </span>
                <span className="small muted">
                  {client.crsEffectiveAt && <>in effect since {at(client.crsEffectiveAt)}</>}
                  {client.crsSource && <> · {SOURCE_LABELS[client.crsSource] ?? client.crsSource}</>}
                  {latestEligible?.margin != null && (
                    <>
                      {" "}
                      · {formatMargin(latestEligible.margin)} vs {DRAW_KIND_SHORT[latestEligible.draw.kind]} #{latestEligible.draw.number} (latest draw the client was eligible for)
                    </>
                  )}
                </span>
              </div>
              {client.crsBreakdown && client.crs !== null && client.crsBreakdown.total !== client.crs && (
                <Alert tone="warning" title="The factors give a different score today">
                  The stored factors compute to {client.crsBreakdown.total}; the score in effect is {client.crs}. Edit the client to record the new score.
                </Alert>
              )}
              {client.crsBreakdown && <CrsBreakdown result={client.crsBreakdown} caption="CRS breakdown, line by line" />}
            </div>
          </Card>

          <Card title="Score history" flush>
            <div className="stack" style={{ padding: "var(--space-3) var(--space-4)" }}>
              {ordered.length > 0 ? (
                <ScoreHistoryChart
                  scores={ordered.map((s) => ({ effectiveAt: s.effectiveAt, crs: s.crs }))}
                  cutoffs={eligibleDraws.map((d) => ({ at: d.draw.drawnAt ?? `${d.draw.date}T23:59:59Z`, cutoff: d.draw.cutoff, label: `#${d.draw.number} ${DRAW_KIND_SHORT[d.draw.kind]} cut-off` }))}
                  timeZone={tz}
                  now={now.toISOString()}
                  summary={chartSummary}
                />
              ) : (
                <p className="muted small">{chartSummary}</p>
              )}
            </div>
            <Table caption="Score history, newest first" captionHidden maxHeight="320px">
              <THead>
                <TR>
                  <TH>In effect from</TH>
                  <TH numeric>CRS</TH>
                  <TH>Source</TH>
                  <TH>Reason</TH>
                  <TH>By</TH>
                </TR>
              </THead>
              <TBody>
                {history.length === 0 && <TableEmptyRow colSpan={5}>No scores recorded.</TableEmptyRow>}
                {[...ordered].reverse().map((s, i) => (
                  <TR key={`${s.effectiveAt}-${i}`}>
                    <TD className="num nowrap">{at(s.effectiveAt, true)}</TD>
                    <TD numeric>{s.crs}</TD>
                    <TD>{SOURCE_LABELS[s.source] ?? s.source}</TD>
                    <TD className="wrap">{s.reason ?? ""}</TD>
                    <TD>{s.createdByName ?? ""}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </Card>

          <Card title="Recent draws" description="Each recent round judged for this client with the score in effect at the draw time." flush>
            <Table caption="This client's result in recent draws, newest first" captionHidden maxHeight="none">
              <THead>
                <TR>
                  <TH>Draw</TH>
                  <TH numeric>Cut-off</TH>
                  <TH numeric>CRS then</TH>
                  <TH numeric>Margin</TH>
                  <TH>Result</TH>
                </TR>
              </THead>
              <TBody>
                {draws.length === 0 && <TableEmptyRow colSpan={5}>No draws in the ledger yet.</TableEmptyRow>}
                {draws.map((d) => (
                  <TR key={d.draw.number}>
                    <TD className="nowrap">
                      <span title={DRAW_KIND_LABELS[d.draw.kind as DrawKind]}>
                        #{d.draw.number} {DRAW_KIND_SHORT[d.draw.kind as DrawKind] ?? d.draw.kind}
                      </span>
                      <div className="small muted num">{d.draw.date}</div>
                    </TD>
                    <TD numeric>{d.draw.cutoff}</TD>
                    <TD numeric>{d.crs ?? "—"}</TD>
                    <TD numeric className="nowrap">
                      {d.margin === null ? "—" : formatMargin(d.margin)}
                    </TD>
                    <TD className="wrap">
                      <DrawResultBadge result={d} />
                      {!d.eligible && <div className="small muted">{d.reasons.map((r) => INELIGIBLE_REASON_LABELS[r]).join(" · ")}</div>}
                      {d.eligible && d.tieBreak !== "not_applicable" && <div className="small muted">{TIE_BREAK_LABELS[d.tieBreak]}</div>}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </Card>

          <Card title="Audit trail" description="Every change to this client, newest first." flush>
            <Table caption="Changes to this client" captionHidden maxHeight="360px">
              <THead>
                <TR>
                  <TH>When</TH>
                  <TH>Who</TH>
                  <TH>Action</TH>
                  <TH>What changed</TH>
                </TR>
              </THead>
              <TBody>
                {audit.length === 0 && <TableEmptyRow colSpan={4}>No changes recorded.</TableEmptyRow>}
                {audit.map((row) => (
                  <TR key={row.id}>
                    <TD className="num nowrap">{formatInstant(row.createdAt, tz)}</TD>
                    <TD>{row.userEmail ?? "—"}</TD>
                    <TD className="nowrap">{row.action}</TD>
                    <TD className="wrap">{describeChanges(row.changes)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </Card>
        </div>

        <div className="stack">
          <Card title="Deadlines">
            {client.deadlines.length === 0 ? (
              <p className="small muted">No dates recorded.</p>
            ) : (
              <ul className={factsStyles.list} aria-label="Deadlines, most urgent first">
                {client.deadlines.map((d) => (
                  <li key={d.kind}>
                    <span>
                      {d.label}
                      <br />
                      <span className="muted num">{d.dueOn}</span>
                    </span>
                    {d.band ? <DeadlineBadge deadline={{ ...d, band: d.band }} withKind={false} /> : <span className="small muted nowrap">in {d.daysLeft} d</span>}
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title="Coming CRS changes">
            {!client.crsFactors || !client.dateOfBirth ? (
              <p className="small muted">Needs the calculator&rsquo;s factors and a date of birth.</p>
            ) : changes.length === 0 ? (
              <p className="small muted">No change expected at the next birthday or work anniversary.</p>
            ) : (
              <ul className={factsStyles.list}>
                {changes.map((c) => (
                  <li key={`${c.kind}-${c.date}`}>
                    <span>
                      {c.kind === "birthday" ? "Next birthday" : "Next full year of Canadian work"}
                      <br />
                      <span className="muted num">{c.date}</span>
                    </span>
                    <span className="num nowrap">
                      <Badge tone={c.pointsChange < 0 ? "warning" : "success"}>{formatMargin(c.pointsChange)}</Badge> → {c.newTotal}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card title="Invitation and application" description="60 calendar days from the ITA to submit a complete application (dates in the firm's time zone).">
            <Facts
              items={[
                ["Round", client.itaRound && <Link href={`/draws/${encodeURIComponent(client.itaRound)}`}>#{client.itaRound}</Link>],
                ["ITA date", client.itaDate],
                ["Application due", client.applicationDueOn],
                ["Application submitted", client.applicationSubmittedOn],
                ["Decision", client.decisionOn],
              ]}
            />
            {mayWrite && allowedItaActions(client.status).length > 0 && (
              <ClientItaForm
                action={transitionClientAction}
                clientId={client.id}
                allowed={allowedItaActions(client.status)}
                profileStillValid={client.profileExpiresOn != null && client.profileExpiresOn >= today}
                today={today}
              />
            )}
          </Card>

          <Card title="Profile">
            <Facts
              items={[
                ["Email", client.email],
                ["Phone", client.phone],
                ["Date of birth", client.dateOfBirth],
                ["Citizenship", client.citizenship],
                ["Team", client.teamName],
                ["Consultant", client.consultantName],
                ["Profile number", client.profileNumber && <span className="mono">{client.profileNumber}</span>],
                ["Submitted", at(client.profileSubmittedAt, true)],
                ["Profile expires", client.profileExpiresOn && `${client.profileExpiresOn}${client.profileExpiryOverride ? " (override)" : ""}`],
                ["ITA received", at(client.invitedAt, true)],
                ["Programs", client.programs.join(", ")],
                ["Nomination", client.nominationProvince && `${client.nominationProvince}${client.nominatedOn ? `, ${client.nominatedOn}` : ""}`],
                ["Categories", client.categories.map((c) => (c in DRAW_KIND_LABELS ? DRAW_KIND_LABELS[c as DrawKind] : c)).join(", ")],
              ]}
            />
          </Card>

          <Card title="Tests, credentials and documents">
            <Facts
              items={[
                ["Language test", (client.languageTestType || client.languageTestDate) && [recordedTestLabel(client.languageTestType) ?? "Type not recorded", client.languageTestDate].filter(Boolean).join(", ")],
                ["Results", client.languageLevels.length > 0 ? <LanguageTestResults type={client.languageTestType} levels={client.languageLevels} /> : null],
                ["Test valid until", client.languageTestExpiresOn],
                ["ECA", (client.ecaIssuer || client.ecaIssuedOn) && [client.ecaIssuer ?? "Issuer not recorded", client.ecaIssuedOn].filter(Boolean).join(", ")],
                ["ECA valid until", client.ecaExpiresOn],
                ["Work permit expires", client.workPermitExpiresOn],
                ["Passport expires", client.passportExpiresOn],
                ["Canadian work since", client.canadianWorkStartedOn],
              ]}
            />
          </Card>

          <Card title="Notes">{client.notes ? <p style={{ whiteSpace: "pre-wrap" }}>{client.notes}</p> : <p className="small muted">No notes.</p>}</Card>

          <p className="small muted">
            Created {at(client.createdAt)} · updated {at(client.updatedAt)}
            {client.updatedByName && <> by {client.updatedByName}</>} · version {client.version}
          </p>
        </div>
      </div>
    </div>
  );
}
