import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/ActionForm";
import { PageHeader, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import { formatInstant } from "@/lib/dates";
import { listDeletedClients } from "@/lib/db/clients";
import { getFirm } from "@/lib/db/firms";
import { requireViewer } from "@/lib/server/session";
import { restoreClientAction } from "../[id]/actions";

export const metadata: Metadata = { title: "Deleted clients" };

export default async function DeletedClientsPage() {
  const viewer = await requireViewer("clients.delete");
  const [deleted, firm] = await Promise.all([listDeletedClients(viewer.scope), getFirm(viewer.scope)]);
  return (
    <div className="stack">
      <PageHeader
        eyebrow={<Link href="/clients">Clients</Link>}
        title="Recently deleted clients"
        description="Deleted clients are hidden from everyone; an owner or admin can restore them until the date shown."
      />
      <Table caption="Deleted clients, most recent first" captionHidden>
        <THead>
          <TR>
            <TH>Name</TH>
            <TH>Email</TH>
            <TH>Profile number</TH>
            <TH>Team</TH>
            <TH>Deleted</TH>
            <TH>Restorable until</TH>
            <TH>Restore</TH>
          </TR>
        </THead>
        <TBody>
          {deleted.length === 0 && <TableEmptyRow colSpan={7}>No deleted clients to restore.</TableEmptyRow>}
          {deleted.map((c) => (
            <TR key={c.id}>
              <TH scope="row">
                {c.lastName}, {c.firstName}
              </TH>
              <TD>{c.email ?? ""}</TD>
              <TD className="mono">{c.profileNumber ?? ""}</TD>
              <TD>{c.teamName}</TD>
              <TD className="num nowrap">{formatInstant(c.deletedAt, firm.timeZone)}</TD>
              <TD className="num nowrap">{formatInstant(c.restorableUntil, firm.timeZone)}</TD>
              <TD>
                <ActionForm action={restoreClientAction} submitLabel={`Restore ${c.firstName} ${c.lastName}`} submitVariant="secondary" pendingLabel="Restoring…" errorTitle="Could not restore" className="row">
                  <input type="hidden" name="clientId" value={c.id} />
                </ActionForm>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
