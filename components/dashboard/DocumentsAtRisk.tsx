import { Badge, Card, EmptyState, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import type { DocumentsAtRisk as AtRisk } from "@/lib/db/clients/documents-at-risk";
import { RISK_DOCUMENT_LABELS } from "@/lib/deadlines/application";
import { plural } from "@/components/draws/format";
import { ClientLink } from "./ClientLink";

/** Invited clients whose language test, ECA, passport or work permit will not outlive the application. */
export function DocumentsAtRisk({ atRisk }: { atRisk: AtRisk }) {
  return (
    <Card
      title="Invited clients with documents at risk"
      description={`Documents that lapse before the application due date, or within ${plural(atRisk.bufferMonths, "month")} after it (the firm's buffer).`}
      flush={atRisk.items.length > 0}
    >
      {atRisk.items.length === 0 ? (
        <EmptyState title="No document at risk" description="Every tracked document of your invited clients stays valid past the application due date and the buffer." />
      ) : (
        <Table caption={atRisk.total > atRisk.items.length ? `First ${atRisk.items.length} of ${plural(atRisk.total, "document")}` : plural(atRisk.total, "document")}>
          <THead>
            <TR>
              <TH>Client</TH>
              <TH>Document</TH>
              <TH>Expires</TH>
              <TH>Application due</TH>
            </TR>
          </THead>
          <TBody>
            {atRisk.items.map((item) => (
              <TR key={`${item.clientId}:${item.document}`}>
                <TD className="nowrap">
                  <ClientLink id={item.clientId} firstName={item.firstName} lastName={item.lastName} />
                </TD>
                <TD>{RISK_DOCUMENT_LABELS[item.document]}</TD>
                <TD className="nowrap">
                  <span className="num">{item.expiresOn}</span>{" "}
                  <Badge tone={item.severity === "before_due" ? "danger" : "warning"}>{item.severity === "before_due" ? "before the due date" : "within the buffer"}</Badge>
                </TD>
                <TD className="nowrap num">{item.applicationDueOn}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
