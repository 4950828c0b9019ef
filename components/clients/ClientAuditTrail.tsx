import { Card, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import { describeChanges } from "@/lib/clients/audit-changes";
import { formatInstant } from "@/lib/dates";
import type { listAuditForEntity } from "@/lib/db/audit";

type AuditRow = Awaited<ReturnType<typeof listAuditForEntity>>[number];

/** Every change to the client, newest first. */
export function ClientAuditTrail({ audit, timeZone: tz }: { audit: AuditRow[]; timeZone: string }) {
  return (
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
  );
}
