import Link from "next/link";
import { Pagination, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import { formatMargin } from "./format";

export interface ImpactTableRow {
  clientId: string;
  firstName: string;
  lastName: string;
  profileNumber: string | null;
  teamName: string;
  consultantName: string | null;
  crs: number;
  margin: number;
  /** The tie-break in words, or why the client was not eligible. */
  note?: string | null;
}

/**
 * One of the draw page's lists, a page at a time (the lists can hold thousands of clients; the
 * CSV export has them all). `noteLabel` names the extra column when the list has one.
 */
export function ImpactTable({
  id,
  caption,
  rows,
  page,
  pageSize,
  href,
  empty,
  noteLabel,
}: {
  /** Anchor of the section: the page links jump to it, and its pagination comes back to it. */
  id: string;
  caption: string;
  rows: ImpactTableRow[];
  page: number;
  pageSize: number;
  href: (page: number) => string;
  empty: string;
  noteLabel?: string;
}) {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pageCount);
  const shown = rows.slice((current - 1) * pageSize, current * pageSize);
  const columns = noteLabel ? 7 : 6;
  return (
    <section id={id} className="stack-sm" style={{ scrollMarginTop: "var(--space-4)" }}>
      <Table caption={caption} maxHeight="none">
        <THead>
          <TR>
            <TH>Client</TH>
            <TH>Profile number</TH>
            <TH>Team</TH>
            <TH>Consultant</TH>
            <TH numeric>CRS at the draw</TH>
            <TH numeric>Margin</TH>
            {noteLabel && <TH>{noteLabel}</TH>}
          </TR>
        </THead>
        <TBody>
          {shown.length === 0 && <TableEmptyRow colSpan={columns}>{empty}</TableEmptyRow>}
          {shown.map((row) => (
            <TR key={row.clientId}>
              <TD className="nowrap">
                <Link href={`/clients/${row.clientId}`}>{`${row.firstName} ${row.lastName}`}</Link>
              </TD>
              <TD className="mono">{row.profileNumber ?? "—"}</TD>
              <TD>{row.teamName}</TD>
              <TD>{row.consultantName ?? "—"}</TD>
              <TD numeric>{row.crs}</TD>
              <TD numeric>{formatMargin(row.margin)}</TD>
              {noteLabel && <TD className="wrap small">{row.note ?? ""}</TD>}
            </TR>
          ))}
        </TBody>
      </Table>
      {rows.length > pageSize && <Pagination page={current} pageCount={pageCount} href={(p) => `${href(p)}#${id}`} total={rows.length} pageSize={pageSize} noun="clients" />}
    </section>
  );
}
