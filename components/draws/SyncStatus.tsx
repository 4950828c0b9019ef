import type { DrawSyncStatusView } from "@/lib/db/draws/sync-status";
import { drawDataFreshness, syncFailingSince } from "@/lib/draws/freshness";
import { Alert } from "@/components/ui";

function when(date: Date | null): string {
  return date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never";
}

/**
 * The feed sync's health. Everyone sees how fresh the draw data is; administrators (`details`)
 * also see the last successful sync and the last error.
 */
export function SyncStatus({ status, now, details }: { status: DrawSyncStatusView | null; now: Date; details: boolean }) {
  const failing = syncFailingSince(status);
  return (
    <div className="stack-sm">
      <p role="status" aria-label="Draw data freshness">
        {drawDataFreshness(status?.lastSuccessAt, now)}
      </p>
      {details && failing && status && (
        <Alert tone="warning" title="The draws feed sync is failing">
          Last error ({when(status.lastErrorAt)}): {status.lastError}. Last successful sync: {when(status.lastSuccessAt)}. The worker tries again
          with backoff; the stored rounds are unchanged.
        </Alert>
      )}
      {details && !failing && status && (
        <p>
          Last successful sync: {when(status.lastSuccessAt)}
          {status.source ? ` from ${status.source}` : ""} ({status.lastRoundsAdded} new rounds).
          {status.lastErrorAt ? ` Last error (${when(status.lastErrorAt)}): ${status.lastError}` : ""}
        </p>
      )}
    </div>
  );
}
