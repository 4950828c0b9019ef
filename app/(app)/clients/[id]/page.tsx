import type { Metadata } from "next";
import Link from "next/link";
import { ClientAuditTrail } from "@/components/clients/ClientAuditTrail";
import { ClientComingChanges } from "@/components/clients/ClientComingChanges";
import { ClientCrsCard } from "@/components/clients/ClientCrsCard";
import { ClientDeadlines } from "@/components/clients/ClientDeadlines";
import { ClientDocumentsCard } from "@/components/clients/ClientDocumentsCard";
import { ClientDrawResults } from "@/components/clients/ClientDrawResults";
import { ClientItaPanel } from "@/components/clients/ClientItaPanel";
import { ClientProfileCard } from "@/components/clients/ClientProfileCard";
import { ClientRecordActions } from "@/components/clients/ClientRecordActions";
import { ClientScoreHistory } from "@/components/clients/ClientScoreHistory";
import { factsStyles } from "@/components/clients/Facts";
import { STATUS_TONES } from "@/components/clients/labels";
import { DownloadButton } from "@/components/reports/DownloadButton";
import { clientReportLink } from "@/components/reports/export-links";
import { Alert, Badge, ButtonLink, Card, PageHeader } from "@/components/ui";
import { can } from "@/lib/auth/scope";
import { clientComingChanges } from "@/lib/clients/coming-changes";
import { CLIENT_STATUS_LABELS } from "@/lib/clients/status";
import { formatInstant, todayIn } from "@/lib/dates";
import { listAuditForEntity } from "@/lib/db/audit";
import { getClientScoreHistory } from "@/lib/db/clients";
import { clientDrawResults } from "@/lib/db/draws/client-results";
import { requireViewer } from "@/lib/server/session";
import { clientOr404, orNotFound } from "../load-client";
import { archiveClientAction, deleteClientAction, transitionClientAction, unarchiveClientAction } from "./actions";

export const metadata: Metadata = { title: "Client" };

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
  const at = (iso: string | null) => (iso ? formatInstant(iso, tz) : null);
  const name = `${client.firstName} ${client.lastName}`;
  const changes = clientComingChanges(client, today);
  const mayWrite = can(viewer.scope, "clients.write");
  const mayDelete = can(viewer.scope, "clients.delete");
  const mayExport = can(viewer.scope, "clients.export");
  const eligibleDraws = draws.filter((d) => d.eligible);
  const latestEligible = eligibleDraws[0];

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
          <ClientCrsCard client={client} latestEligible={latestEligible} />

          <ClientScoreHistory history={history} eligibleDraws={eligibleDraws} timeZone={tz} now={now} />

          <ClientDrawResults draws={draws} />

          <ClientAuditTrail audit={audit} timeZone={tz} />
        </div>

        <div className="stack">
          <ClientDeadlines deadlines={client.deadlines} />

          <ClientComingChanges client={client} changes={changes} />

          <ClientItaPanel client={client} today={today} transitionAction={mayWrite ? transitionClientAction : undefined} />

          <ClientProfileCard client={client} />

          <ClientDocumentsCard client={client} />

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
