"use client";

import Link from "next/link";
import { useMemo } from "react";
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState, type VisibilityState } from "@tanstack/react-table";
import { Badge, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import { ROSTER_COLUMN_LABELS, ROSTER_COLUMNS, SORTABLE_COLUMNS, type RosterColumn, type RosterQuery, type RosterSort } from "@/lib/clients/roster-query";
import { formatInstant } from "@/lib/dates/format-instant";
import type { RosterRow } from "@/lib/db/clients";
import { DRAW_KIND_LABELS } from "@/lib/draws/kinds";
import { DeadlineBadges } from "./DeadlineBadges";
import { DRAW_KIND_SHORT, formatMargin, STATUS_SHORT, STATUS_TONES } from "./labels";
import { rosterHref } from "./roster-href";
import styles from "./Roster.module.css";

const helper = createColumnHelper<RosterRow>();
const NUMERIC = new Set<RosterColumn>(["crs", "margin"]);
/** Columns whose first click sorts highest / newest first. */
const DESC_FIRST = new Set<RosterColumn>(["crs", "margin", "profileSubmittedAt", "updatedAt"]);
const SORTABLE = new Set<string>(SORTABLE_COLUMNS);

function columns(timeZone: string): ColumnDef<RosterRow, unknown>[] {
  const cells: Record<RosterColumn, ColumnDef<RosterRow, unknown>> = {
    name: helper.accessor((r) => `${r.lastName}, ${r.firstName}`, {
      id: "name",
      cell: ({ row, getValue }) => (
        <>
          <Link href={`/clients/${row.original.id}`}>{getValue<string>()}</Link>
          {row.original.archived && (
            <>
              {" "}
              <Badge tone="neutral">Archived</Badge>
            </>
          )}
        </>
      ),
    }) as ColumnDef<RosterRow, unknown>,
    email: helper.accessor("email", { cell: (c) => c.getValue() ?? "" }) as ColumnDef<RosterRow, unknown>,
    profileNumber: helper.accessor("profileNumber", { cell: (c) => <span className="mono">{c.getValue() ?? ""}</span> }) as ColumnDef<RosterRow, unknown>,
    team: helper.accessor("teamName", { id: "team" }) as ColumnDef<RosterRow, unknown>,
    consultant: helper.accessor("consultantName", { id: "consultant", cell: (c) => c.getValue() ?? <span className="muted">Unassigned</span> }) as ColumnDef<RosterRow, unknown>,
    status: helper.accessor("status", {
      cell: (c) => (
        <Badge tone={STATUS_TONES[c.getValue()]} dot>
          {STATUS_SHORT[c.getValue()]}
        </Badge>
      ),
    }) as ColumnDef<RosterRow, unknown>,
    crs: helper.accessor("crs", { cell: (c) => c.getValue() ?? <span className="muted">—</span> }) as ColumnDef<RosterRow, unknown>,
    margin: helper.accessor("margin", {
      cell: ({ row }) => {
        const { margin, marginDraw } = row.original;
        if (margin === null || !marginDraw) return <span className="muted">—</span>;
        return (
          <span className={margin >= 0 ? styles.above : styles.below} title={`${formatMargin(margin)} against draw #${marginDraw.number} (${DRAW_KIND_LABELS[marginDraw.kind]}, cut-off ${marginDraw.cutoff})`}>
            {formatMargin(margin)} <span className={styles.vs}>vs {DRAW_KIND_SHORT[marginDraw.kind]} #{marginDraw.number}</span>
          </span>
        );
      },
    }) as ColumnDef<RosterRow, unknown>,
    programs: helper.accessor((r) => r.programs.join(", "), { id: "programs" }) as ColumnDef<RosterRow, unknown>,
    categories: helper.accessor((r) => r.categories.map((c) => (c in DRAW_KIND_SHORT ? DRAW_KIND_SHORT[c as keyof typeof DRAW_KIND_SHORT] : c)).join(", "), { id: "categories" }) as ColumnDef<RosterRow, unknown>,
    profileSubmittedAt: helper.accessor("profileSubmittedAt", { cell: (c) => (c.getValue() ? formatInstant(c.getValue()!, timeZone) : "") }) as ColumnDef<RosterRow, unknown>,
    profileExpiresOn: helper.accessor("profileExpiresOn", { cell: (c) => c.getValue() ?? "" }) as ColumnDef<RosterRow, unknown>,
    deadlines: helper.accessor("deadlines", { cell: (c) => <DeadlineBadges deadlines={c.getValue()} max={2} /> }) as ColumnDef<RosterRow, unknown>,
    updatedAt: helper.accessor("updatedAt", { cell: (c) => formatInstant(c.getValue(), timeZone) }) as ColumnDef<RosterRow, unknown>,
  };
  return ROSTER_COLUMNS.map((id) => ({
    ...cells[id],
    id,
    header: ROSTER_COLUMN_LABELS[id],
    enableSorting: SORTABLE.has(id),
    sortDescFirst: DESC_FIRST.has(id),
  }));
}

/**
 * The roster table: TanStack Table in server-side mode. Sorting, pagination and filtering are
 * "manual" (done by listClients on the server); the table holds the URL's state and turns a
 * header click into the URL of the next sort, so every view is a link.
 */
export function RosterTable({ rows, query, total, timeZone }: { rows: RosterRow[]; query: RosterQuery; total: number; timeZone: string }) {
  const defs = useMemo(() => columns(timeZone), [timeZone]);
  const sorting: SortingState = [{ id: query.sort, desc: query.dir === "desc" }];
  const columnVisibility: VisibilityState = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, query.cols.includes(c)]));
  // The table instance is rebuilt from the URL on every render and nothing memoises it (no React
  // Compiler in this app), which is the case the rule warns about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    rowCount: total,
    state: { sorting, columnVisibility, pagination: { pageIndex: 0, pageSize: query.pageSize } },
  });
  const visible = table.getVisibleLeafColumns().length;

  return (
    <Table caption={`Clients, sorted by ${ROSTER_COLUMN_LABELS[query.sort].toLowerCase()} ${query.dir === "asc" ? "ascending" : "descending"}`} captionHidden maxHeight="none" wrapperClassName={styles.tableBox} className={styles.roster}>
      <THead>
        {table.getHeaderGroups().map((group) => (
          <TR key={group.id}>
            {group.headers.map((header) => {
              const column = header.column;
              const id = column.id as RosterColumn;
              const sorted = column.getIsSorted();
              const next = sorted ? (sorted === "asc" ? "desc" : "asc") : column.getFirstSortDir();
              return (
                <TH
                  key={header.id}
                  numeric={NUMERIC.has(id)}
                  sort={sorted || null}
                  sortHref={column.getCanSort() ? rosterHref({ ...query, sort: id as RosterSort, dir: next, cursor: undefined }) : undefined}
                >
                  {flexRender(column.columnDef.header, header.getContext())}
                </TH>
              );
            })}
          </TR>
        ))}
      </THead>
      <TBody>
        {rows.length === 0 && <TableEmptyRow colSpan={visible}>No clients match these filters.</TableEmptyRow>}
        {table.getRowModel().rows.map((row) => (
          <TR key={row.id}>
            {row.getVisibleCells().map((cell) =>
              cell.column.id === "name" ? (
                <TH key={cell.id} scope="row" className="nowrap">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </TH>
              ) : (
                <TD key={cell.id} numeric={NUMERIC.has(cell.column.id as RosterColumn)} className={cell.column.id === "deadlines" ? styles.deadlines : "nowrap"}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </TD>
              ),
            )}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
