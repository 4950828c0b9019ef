import { Card, EmptyState, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import type { ComingChange, ComingChanges as Changes } from "@/lib/db/dashboard";
import { formatCount, formatMargin, plural } from "@/components/draws/format";
import { ClientLink } from "./ClientLink";
import styles from "./Dashboard.module.css";

function ChangeTable({ caption, items, total, event }: { caption: string; items: ComingChange[]; total: number; event: (c: ComingChange) => string }) {
  if (total === 0) return <p className={`muted small ${styles.pad}`}>{caption}: none in the window.</p>;
  return (
    <Table maxHeight="none" caption={`${caption}: ${total > items.length ? `the next ${items.length} of ${formatCount(total)}` : formatCount(total)}`}>
      <THead>
        <TR>
          <TH>Client</TH>
          <TH>Date</TH>
          <TH>Event</TH>
          <TH numeric>Points</TH>
          <TH numeric>CRS after</TH>
        </TR>
      </THead>
      <TBody>
        {items.map((c) => (
          <TR key={`${c.clientId}:${c.kind}`}>
            <TD className="nowrap">
              <ClientLink id={c.clientId} firstName={c.firstName} lastName={c.lastName} />
            </TD>
            <TD className="num nowrap">{c.on}</TD>
            <TD className="nowrap">{event(c)}</TD>
            <TD numeric>{c.pointsChange === null ? <span title="The stored CRS factors could not be read">unknown</span> : formatMargin(c.pointsChange)}</TD>
            <TD numeric className="nowrap">{c.crs === null ? "—" : c.pointsChange === null ? c.crs : `${c.crs} → ${c.crs + c.pointsChange}`}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** Points lost at coming birthdays and gained at coming anniversaries of Canadian work, soonest first. */
export function ComingChanges({ changes }: { changes: Changes }) {
  const none = changes.birthdays.total === 0 && changes.workAnniversaries.total === 0;
  return (
    <Card
      title="Coming CRS changes"
      description={`In the next ${changes.days} days, for clients in the pool or preparing a profile, with CRS factors recorded. Points from the calculator on the stored factors.`}
      flush={!none}
    >
      {none ? (
        <EmptyState title="No CRS changes coming" description={`No birthday or work anniversary of your clients changes their CRS in the next ${changes.days} days.`} />
      ) : (
        <div>
          <ChangeTable caption="Birthdays that cost points" items={changes.birthdays.items} total={changes.birthdays.total} event={(c) => `Turns ${c.years}`} />
          <ChangeTable
            caption="Canadian work anniversaries that add points"
            items={changes.workAnniversaries.items}
            total={changes.workAnniversaries.total}
            event={(c) => `${plural(c.years, "year")} worked`}
          />
        </div>
      )}
    </Card>
  );
}
