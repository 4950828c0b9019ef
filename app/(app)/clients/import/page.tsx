import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/clients/ImportWizard";
import { Card, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { CLIENT_CSV_COLUMN_HELP, CLIENT_CSV_COLUMNS, REQUIRED_CSV_COLUMNS } from "@/lib/clients/csv-template";
import { requireViewer } from "@/lib/server/session";

export const metadata: Metadata = { title: "Import clients" };

export default async function ImportClientsPage() {
  await requireViewer("clients.import");
  return (
    <div className="stack">
      <PageHeader
        eyebrow={<Link href="/clients">Clients</Link>}
        title="Import clients from CSV"
        description="Every row is checked before anything is saved. A clean file is imported in one transaction; a file with problems imports nothing unless you choose to import its valid rows."
      />
      <ImportWizard />
      <Card title="Columns" description="Header names exactly as below, in any order; an unknown column is an error that names it. Duplicates (same profile number or email as a client of the firm, or as an earlier row) are flagged, never imported twice." flush>
        <Table caption="The CSV's columns" captionHidden maxHeight="none">
          <THead>
            <TR>
              <TH>Column</TH>
              <TH>What it holds</TH>
            </TR>
          </THead>
          <TBody>
            {CLIENT_CSV_COLUMNS.map((column) => (
              <TR key={column}>
                <TH scope="row" className="mono nowrap">
                  {column}
                  {REQUIRED_CSV_COLUMNS.includes(column) && <span className="sr-only"> (required)</span>}
                </TH>
                <TD className="wrap">{CLIENT_CSV_COLUMN_HELP[column]}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}
