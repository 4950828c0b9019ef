import type { Metadata } from "next";
import { ComingChanges } from "@/components/dashboard/ComingChanges";
import { DocumentsAtRisk } from "@/components/dashboard/DocumentsAtRisk";
import { ExpiryRadar } from "@/components/dashboard/ExpiryRadar";
import { LatestDraws } from "@/components/dashboard/LatestDraws";
import { NearMisses } from "@/components/dashboard/NearMisses";
import { NewlyAbove } from "@/components/dashboard/NewlyAbove";
import styles from "@/components/dashboard/Dashboard.module.css";
import { TeamFilter } from "@/components/dashboard/TeamFilter";
import { SyncStatus } from "@/components/draws/SyncStatus";
import { MailNotConfiguredNotice } from "@/components/mail/MailNotConfiguredNotice";
import { Alert, EmptyState, PageHeader } from "@/components/ui";
import { can, seesAllTeams } from "@/lib/auth/scope";
import { comingChanges, drawWatch, expiryRadar, WATCH_DAYS, withLatest } from "@/lib/db/dashboard";
import { documentsAtRiskList } from "@/lib/db/clients/documents-at-risk";
import { getFirmSettings, listTeams } from "@/lib/db/firms";
import { drawSyncStatus } from "@/lib/db/draws/sync-status";
import { latestDrawsPerKind } from "@/lib/db/draws";
import { mailConfigured } from "@/lib/mail/transport";
import { requireViewer } from "@/lib/server/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const all = seesAllTeams(viewer.scope);
  const teams = (await listTeams(viewer.scope)).filter((t) => all || viewer.scope.teamIds.includes(t.id));
  // An unknown or foreign team id is ignored rather than an error: the URL may be an old bookmark.
  const team = teams.find((t) => t.id === params.team);
  const [latest, watchAll, radar, changes, atRisk, settings, sync] = await Promise.all([
    latestDrawsPerKind(),
    drawWatch(viewer.scope, { teamId: team?.id, limit: 5 }),
    expiryRadar(viewer.scope, { teamId: team?.id, limit: 6 }),
    comingChanges(viewer.scope, { teamId: team?.id, limit: 6 }),
    documentsAtRiskList(viewer.scope, { teamId: team?.id, limit: 10 }),
    getFirmSettings(viewer.scope),
    drawSyncStatus(),
  ]);
  // Kinds the firm does not follow stay in the ledger but leave the dashboard (firm settings).
  const follows = (kind: string) => settings.followedDrawKinds.length === 0 || settings.followedDrawKinds.includes(kind);
  const nearMisses = watchAll.nearMisses.filter((n) => follows(n.kind));
  const watch = { ...watchAll, nearMisses, nearMissTotal: watchAll.nearMissTotal - (watchAll.nearMisses.length - nearMisses.length) };
  const kinds = withLatest(latest.filter((l) => follows(l.draw.kind)), watch);
  const who = team ? `team ${team.name}` : all ? "the whole firm" : teams.length === 1 ? `team ${teams[0].name}` : "your teams";
  return (
    <div className="stack-lg">
      <PageHeader
        title="Dashboard"
        description={`Welcome, ${viewer.name}. Showing ${who}.`}
        actions={teams.length > 1 ? <TeamFilter teams={teams} value={team?.id} allLabel={all ? "All teams" : "All my teams"} /> : undefined}
      />
      {can(viewer.scope, "mail.read") && !mailConfigured() && (
        <Alert tone="warning" title="E-mail is not configured">
          <MailNotConfiguredNotice />
        </Alert>
      )}
      <section aria-labelledby="latest-draws" className="stack-sm">
        <h2 id="latest-draws">Latest draws</h2>
        <SyncStatus status={sync} now={new Date()} details={can(viewer.scope, "draws.import")} />
        {kinds.length === 0 ? (
          <EmptyState title="No draws yet" description="Import IRCC's rounds to see the latest cut-offs." />
        ) : (
          <LatestDraws kinds={kinds} />
        )}
      </section>
      <div className={styles.columns}>
        <div className="stack-lg">
          <NewlyAbove kinds={kinds} watchDays={WATCH_DAYS} />
          <NearMisses watch={watch} />
        </div>
        <div className="stack-lg">
          <ExpiryRadar radar={radar} rosterHref={`/clients?expiringWithin=90${team ? `&team=${team.id}` : ""}`} />
          <DocumentsAtRisk atRisk={atRisk} />
          <ComingChanges changes={changes} />
        </div>
      </div>
    </div>
  );
}
