import type { Metadata } from "next";
import Link from "next/link";
import { CutoffChart } from "@/components/draws/CutoffChart";
import { CutoffSummaryTable } from "@/components/draws/CutoffSummaryTable";
import { DistributionCard } from "@/components/draws/DistributionCard";
import { drawKindLabel, formatCount, plural } from "@/components/draws/format";
import { LedgerFilters } from "@/components/draws/LedgerFilters";
import { PoolMovementCard } from "@/components/draws/PoolMovementCard";
import { Badge, ButtonLink, Card, EmptyState, PageHeader, Pagination, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import { can } from "@/lib/auth/scope";
import { formatInstant } from "@/lib/dates/format-instant";
import { cutoffSeries, poolDistribution } from "@/lib/db/dashboard";
import { drawKindsPresent, listDraws, type DrawSort } from "@/lib/db/draws";
import { createdCategoryKindsInUse } from "@/lib/db/draws/kinds";
import { getFirm } from "@/lib/db/firms";
import { isPlatformAdmin } from "@/lib/db/users/platform-admins";
import { poolMovementView } from "@/lib/db/draws/pool-movement";
import { requireViewer } from "@/lib/server/session";
import { ledgerHiddenFields, ledgerHref, ledgerQuerySchema } from "./ledger-query";

export const metadata: Metadata = { title: "Draws" };

const PAGE_SIZE = 50;

/** Clicking a sorted column flips it; another column starts with its natural direction. */
function sortFor(column: "date" | "cutoff" | "size", current: DrawSort): { next: DrawSort; direction: "asc" | "desc" | null } {
  const pairs = { date: ["newest", "oldest"], cutoff: ["cutoff_desc", "cutoff_asc"], size: ["size_desc", "size_asc"] } as const;
  const [desc, asc] = pairs[column];
  if (current === desc) return { next: asc, direction: "desc" };
  if (current === asc) return { next: desc, direction: "asc" };
  return { next: desc, direction: null };
}

export default async function DrawsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const query = ledgerQuerySchema.parse(await searchParams);
  const filter = { kind: query.kind.length > 0 ? query.kind : undefined, from: query.from, to: query.to };
  const [draws, series, distribution, kinds, firm, movement, platformAdmin, createdKinds] = await Promise.all([
    listDraws({ ...filter, sort: query.sort, page: query.page, pageSize: PAGE_SIZE }),
    cutoffSeries({ kinds: query.kind, from: query.from, to: query.to }),
    poolDistribution(viewer.scope),
    drawKindsPresent(),
    getFirm(viewer.scope),
    poolMovementView(query.pool),
    isPlatformAdmin(viewer.userId),
    createdCategoryKindsInUse(),
  ]);
  const tz = firm.timeZone;
  const sortHeader = (column: "date" | "cutoff" | "size") => {
    const { next, direction } = sortFor(column, query.sort);
    return { sort: direction, sortHref: ledgerHref({ ...query, sort: next, page: 1 }) };
  };
  const lowest = series.reduce<(typeof series)[number] | null>((low, p) => (!low || p.cutoff < low.cutoff ? p : low), null);
  const highest = series.reduce<(typeof series)[number] | null>((high, p) => (!high || p.cutoff > high.cutoff ? p : high), null);
  const chartSummary =
    series.length === 0
      ? "No draw matches these filters."
      : `Cut-offs of ${plural(series.length, "draw")} from ${series[0].date} to ${series[series.length - 1].date}, ` +
        `lowest ${lowest!.cutoff} (#${lowest!.number}), highest ${highest!.cutoff} (#${highest!.number}). The table below the chart gives each kind's figures.`;

  return (
    <div className="stack-lg">
      <PageHeader
        title="Draws"
        description="Every round of invitations since 2015, with cut-offs over time and the pool's CRS distribution."
        actions={
          <>
            {platformAdmin && <ButtonLink href="/draws/names">Draw names</ButtonLink>}
            {can(viewer.scope, "draws.import") && (
              <ButtonLink href="/draws/import" variant="primary">
                Import rounds
              </ButtonLink>
            )}
          </>
        }
      />
      <LedgerFilters kinds={kinds} createdKinds={createdKinds} value={query} />

      <Card title="Cut-offs over time" description={query.kind.length ? query.kind.map((k) => drawKindLabel({ kind: k, kindLabel: createdKinds.find((c) => c.code === k)?.label })).join(", ") : "All kinds"}>
        {series.length === 0 ? (
          <EmptyState title="No draws" description="No draw matches these filters." actions={<Link href="/draws">Clear the filters</Link>} />
        ) : (
          <div className="stack">
            <CutoffChart points={series} summary={chartSummary} />
            <CutoffSummaryTable points={series} />
          </div>
        )}
      </Card>

      <div className="stack-sm">
        <Table caption={`Rounds: ${plural(draws.total, "draw")}${query.kind.length || query.from || query.to ? " matching the filters" : ""}`} maxHeight="none">
          <THead>
            <TR>
              <TH>Draw</TH>
              <TH {...sortHeader("date")}>Date</TH>
              <TH>Kind</TH>
              <TH>Category version</TH>
              <TH numeric {...sortHeader("size")}>
                Invitations
              </TH>
              <TH numeric {...sortHeader("cutoff")}>
                Cut-off
              </TH>
              <TH>Tie-break time ({tz})</TH>
            </TR>
          </THead>
          <TBody>
            {draws.draws.length === 0 && <TableEmptyRow colSpan={7}>No draw matches these filters.</TableEmptyRow>}
            {draws.draws.map((d) => (
              <TR key={d.number}>
                <TD className="nowrap">
                  <Link href={`/draws/${encodeURIComponent(d.number)}`}>#{d.number}</Link> {d.provisional && <Badge tone="warning">Provisional</Badge>}
                </TD>
                <TD className="num nowrap">{d.date}</TD>
                <TD>{drawKindLabel({ kind: d.kind, kindLabel: d.kindLabel })}</TD>
                <TD>{d.categoryVersion ?? "—"}</TD>
                <TD numeric>{formatCount(d.size)}</TD>
                <TD numeric>{d.cutoff}</TD>
                <TD className="num nowrap">{d.tieBreakAt ? formatInstant(d.tieBreakAt, tz, { seconds: true }) : "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
        <Pagination page={draws.page} pageCount={draws.pageCount} href={(p) => ledgerHref({ ...query, page: p })} total={draws.total} pageSize={draws.pageSize} noun="draws" />
      </div>

      <DistributionCard distribution={distribution} />

      <PoolMovementCard view={movement} hidden={ledgerHiddenFields(query)} />
    </div>
  );
}
