import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Facts } from "@/components/clients/Facts";
import { drawKindLabel, formatCount, plural, reasonsText } from "@/components/draws/format";
import { ImpactCountsTable } from "@/components/draws/ImpactCountsTable";
import { ImpactFilters } from "@/components/draws/ImpactFilters";
import { ImpactTable } from "@/components/draws/ImpactTable";
import { RecordInvitationsForm } from "@/components/draws/RecordInvitationsForm";
import { tieBreakNote } from "@/components/draws/tie-break";
import { ExportMenu } from "@/components/reports/ExportMenu";
import { drawImpactLinks } from "@/components/reports/export-links";
import { Alert, Badge, Card, PageHeader, Stat, StatGroup } from "@/components/ui";
import { can, seesAllTeams } from "@/lib/auth/scope";
import { formatInstant } from "@/lib/dates/format-instant";
import { drawImpact } from "@/lib/db/draws/impact";
import { getFirm, listTeams } from "@/lib/db/firms";
import { listUsers } from "@/lib/db/users";
import { NotFoundError } from "@/lib/errors";
import { requireViewer } from "@/lib/server/session";
import { recordInvitationsAction } from "./actions";
import { IMPACT_PAGE_SIZE, impactQuerySchema, impactSearch, type ImpactQuery } from "./impact-query";

type Params = { number: string };

/** The draw number from the URL; a malformed escape is simply not a draw. */
function drawNumberOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    notFound();
  }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: `Draw #${drawNumberOf((await params).number)}` };
}

export default async function DrawPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("clients.read");
  const number = drawNumberOf((await params).number);
  const query = impactQuerySchema.parse(await searchParams);
  const all = seesAllTeams(viewer.scope);
  const [teams, users, firm] = await Promise.all([listTeams(viewer.scope), listUsers(viewer.scope), getFirm(viewer.scope)]);
  const myTeams = teams.filter((t) => all || viewer.scope.teamIds.includes(t.id));
  const consultants = users.filter((u) => u.active && u.role !== "viewer" && (all || u.teams.some((t) => viewer.scope.teamIds.includes(t.id))));
  // A filter naming a team or consultant outside the viewer's reach is dropped, not an error.
  const filters: ImpactQuery = {
    ...query,
    team: myTeams.some((t) => t.id === query.team) ? query.team : undefined,
    consultant: consultants.some((u) => u.id === query.consultant) ? query.consultant : undefined,
  };
  let impact;
  try {
    impact = await drawImpact(viewer.scope, number, { teamId: filters.team, consultantId: filters.consultant, margin: filters.margin });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { draw, previousDraw } = impact;
  const tz = firm.timeZone;
  const at = (iso: string | null) => (iso ? formatInstant(iso, tz, { seconds: true }) : null);
  const base = `/draws/${encodeURIComponent(draw.number)}`;
  const href = (change: Partial<ImpactQuery>) => {
    const search = impactSearch({ ...filters, ...change });
    return search ? `${base}?${search}` : base;
  };
  const exportSearch = impactSearch({ team: filters.team, consultant: filters.consultant, margin: filters.margin });
  const withNote = <T extends Parameters<typeof tieBreakNote>[0]>(row: T) => ({ ...row, note: tieBreakNote(row, draw, tz) });

  return (
    <div className="stack-lg">
      <PageHeader
        eyebrow={<Link href="/draws">Draws</Link>}
        title={
          <span className="row">
            Draw #{draw.number} {draw.provisional && <Badge tone="warning">Provisional</Badge>}
          </span>
        }
        description={`${drawKindLabel(draw)} · ${draw.date} · cut-off ${draw.cutoff} · ${plural(draw.size, "invitation")}`}
        actions={
          can(viewer.scope, "clients.export") && <ExportMenu links={drawImpactLinks(draw.number, exportSearch)} />
        }
      />
      {draw.provisional && (
        <Alert tone="warning" title="Provisional round">
          Entered by hand before IRCC&apos;s feed published it; the next import from the feed replaces it with IRCC&apos;s figures.
        </Alert>
      )}
      <div className="grid">
        <Card title="The round">
          <Facts
            label="The round"
            items={[
              ["Kind", drawKindLabel(draw)],
              ["Programs covered", draw.programs.join(", ")],
              ["Date", draw.date],
              ["Held at", at(draw.drawnAt)],
              ["Invitations", formatCount(draw.size)],
              ["Cut-off (lowest CRS invited)", draw.cutoff],
              ["Tie-break time", draw.tieBreakAt ? `${at(draw.tieBreakAt)} (${draw.tieBreakAt.replace(".000Z", "Z")})` : "None published: everyone at the cut-off was invited"],
              [
                "Previous draw of the kind",
                previousDraw ? (
                  <Link href={`/draws/${encodeURIComponent(previousDraw.number)}`}>
                    #{previousDraw.number}, {previousDraw.date}, cut-off {previousDraw.cutoff}
                  </Link>
                ) : (
                  "None: the first of its kind"
                ),
              ],
            ]}
          />
        </Card>
        <Card title="Your clients" description={`Visible to you${filters.team || filters.consultant ? ", with the filters below" : ""}; CRS as of the draw time.`}>
          <StatGroup aria-label="Your clients in this draw">
            <Stat label="Above the cut-off" value={formatCount(impact.above.length)} />
            <Stat label="Newly above" value={formatCount(impact.newlyAbove.length)} delta={previousDraw ? `not above #${previousDraw.number}` : "first of its kind"} />
            <Stat label="Near misses" value={formatCount(impact.nearMiss.length)} delta={`within ${impact.margin} points`} />
            <Stat label="Ineligible but close" value={formatCount(impact.ineligibleClose.length)} />
          </StatGroup>
        </Card>
      </div>

      <ImpactFilters
        action={base}
        teams={myTeams.map((t) => ({ id: t.id, name: t.name }))}
        consultants={consultants.map((u) => ({ id: u.id, name: u.name }))}
        value={{ team: filters.team, consultant: filters.consultant, margin: impact.margin }}
        firmMargin={firm.nearMissMargin}
      />

      <div className="grid">
        <ImpactCountsTable
          caption="Per team"
          groupLabel="Team"
          rows={impact.countsByTeam.map((c) => ({ key: c.teamId, name: c.teamName, above: c.above, newlyAbove: c.newlyAbove, nearMiss: c.nearMiss }))}
        />
        <ImpactCountsTable
          caption="Per consultant"
          groupLabel="Consultant"
          rows={impact.countsByConsultant.map((c) => ({ key: c.consultantId ?? "none", name: c.consultantName ?? "No consultant", above: c.above, newlyAbove: c.newlyAbove, nearMiss: c.nearMiss }))}
        />
      </div>

      <nav aria-label="Lists on this page" className="row small">
        <span className="muted">Jump to:</span>
        <a href="#above">Above ({formatCount(impact.above.length)})</a>
        <a href="#newly-above">Newly above ({formatCount(impact.newlyAbove.length)})</a>
        <a href="#near-misses">Near misses ({formatCount(impact.nearMiss.length)})</a>
        <a href="#ineligible-close">Ineligible but close ({formatCount(impact.ineligibleClose.length)})</a>
      </nav>
      <ImpactTable
        id="above"
        caption={`Above the cut-off: ${plural(impact.above.length, "client")}`}
        rows={impact.above.map(withNote)}
        noteLabel="Tie-break"
        page={filters.abovePage}
        pageSize={IMPACT_PAGE_SIZE}
        href={(p) => href({ abovePage: p })}
        empty="None of your clients was above this cut-off."
      />
      {can(viewer.scope, "clients.write") && impact.above.length > 0 && (
        <Card title="Record invitations" description="Tick the clients IRCC invited in this round: each becomes ITA received, with the application due 60 days after the ITA date.">
          <RecordInvitationsForm
            action={recordInvitationsAction}
            drawNumber={draw.number}
            drawDate={draw.date}
            rows={impact.above.map((r) => ({ clientId: r.clientId, firstName: r.firstName, lastName: r.lastName, crs: r.crs, margin: r.margin, status: r.status }))}
          />
        </Card>
      )}
      <ImpactTable
        id="newly-above"
        caption={`Newly above since ${previousDraw ? `#${previousDraw.number}` : "the start (first draw of its kind)"}: ${plural(impact.newlyAbove.length, "client")}`}
        rows={impact.newlyAbove}
        page={filters.newPage}
        pageSize={IMPACT_PAGE_SIZE}
        href={(p) => href({ newPage: p })}
        empty="No client is newly above in this draw."
      />
      <ImpactTable
        id="near-misses"
        caption={`Near misses (eligible, at most ${impact.margin} points below): ${plural(impact.nearMiss.length, "client")}`}
        rows={impact.nearMiss.map(withNote)}
        noteLabel="Tie-break"
        page={filters.nearPage}
        pageSize={IMPACT_PAGE_SIZE}
        href={(p) => href({ nearPage: p })}
        empty="No eligible client was within the margin below the cut-off."
      />
      <ImpactTable
        id="ineligible-close"
        caption={`Ineligible but close (in the pool, at most ${impact.closeMargin} points below or above): ${plural(impact.ineligibleClose.length, "client")}`}
        rows={impact.ineligibleClose.map((r) => ({ ...r, note: reasonsText(r.reasons) }))}
        noteLabel="Why not eligible"
        page={filters.closePage}
        pageSize={IMPACT_PAGE_SIZE}
        href={(p) => href({ closePage: p })}
        empty="No ineligible client in the pool scored near the cut-off."
      />
    </div>
  );
}
