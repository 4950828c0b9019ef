import { Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { formatCount } from "./format";

export interface ImpactCountRow {
  key: string;
  name: string;
  above: number;
  newlyAbove: number;
  nearMiss: number;
}

/** A draw's counts per team or per consultant. */
export function ImpactCountsTable({ caption, groupLabel, rows }: { caption: string; groupLabel: string; rows: ImpactCountRow[] }) {
  return (
    <Table caption={caption} maxHeight="none">
      <THead>
        <TR>
          <TH>{groupLabel}</TH>
          <TH numeric>Above</TH>
          <TH numeric>Newly above</TH>
          <TH numeric>Near misses</TH>
        </TR>
      </THead>
      <TBody>
        {rows.length === 0 && (
          <TR>
            <TD colSpan={4} className="muted">
              No client above or near.
            </TD>
          </TR>
        )}
        {rows.map((c) => (
          <TR key={c.key}>
            <TD>{c.name}</TD>
            <TD numeric>{formatCount(c.above)}</TD>
            <TD numeric>{formatCount(c.newlyAbove)}</TD>
            <TD numeric>{formatCount(c.nearMiss)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
