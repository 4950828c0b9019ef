import type { Metadata } from "next";
import Link from "next/link";
import { DrawImportForm } from "@/components/draws/DrawImportForm";
import { ManualRoundForm } from "@/components/draws/ManualRoundForm";
import { SyncStatus } from "@/components/draws/SyncStatus";
import { Card, PageHeader } from "@/components/ui";
import { todayIn } from "@/lib/dates/time-zone";
import { drawSyncStatus } from "@/lib/db/draws/sync-status";
import { getFirm } from "@/lib/db/firms";
import { DRAW_KIND_LABELS, PROGRAMS, type DrawKind } from "@/lib/draws/kinds";
import { IRCC_ROUNDS_URL } from "@/lib/draws/load-source";
import { requireViewer } from "@/lib/server/session";
import { feedImportAction, manualRoundAction } from "./actions";
import { MANUAL_KINDS } from "./schema";

export const metadata: Metadata = { title: "Import draws" };

export default async function ImportDrawsPage() {
  const viewer = await requireViewer("draws.import");
  const [firm, sync] = await Promise.all([getFirm(viewer.scope), drawSyncStatus()]);
  const today = todayIn(firm.timeZone, new Date());
  return (
    <div className="stack-lg">
      <PageHeader
        eyebrow={<Link href="/draws">Draws</Link>}
        title="Import draws"
        description="Bring the ledger up to date from IRCC's rounds feed, or enter a round the feed does not have yet. Draws are shared by every firm."
      />
      <Card title="Automatic sync" description="The worker fetches the feed every DRAWS_SYNC_INTERVAL seconds (README, “Draw day”).">
        <SyncStatus status={sync} now={new Date()} details />
      </Card>
      <DrawImportForm defaultUrl={process.env.DRAWS_FEED_URL || IRCC_ROUNDS_URL} action={feedImportAction} />

      <Card
        title="Enter a round by hand"
        description="For a round announced before IRCC's feed lists it. It is marked provisional, and replaced by IRCC's figures when the feed brings the same draw number."
      >
        <ManualRoundForm action={manualRoundAction} kinds={MANUAL_KINDS.map((k) => ({ value: k, label: DRAW_KIND_LABELS[k as DrawKind] }))} programs={PROGRAMS} today={today} />
      </Card>
    </div>
  );
}
