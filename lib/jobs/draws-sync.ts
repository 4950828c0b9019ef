import { feedUrl, fetchFeedRounds } from "@/lib/draws/feed";
import { importRounds, type ImportSummary } from "@/lib/db/draws/import";
import { recordSyncAttempt, recordSyncFailure, recordSyncSuccess } from "@/lib/db/draws/sync-status";

/**
 * The "draws.sync" job: fetch the feed, import it (new rounds record their draw-day matches in the
 * same transaction), and record the outcome. A failure is recorded and rethrown, so pg-boss retries
 * with backoff; the stored rounds stay as they were (the import is one transaction, and a feed that
 * cannot be read never reaches it).
 */
export async function syncDrawsFeed(url: string = feedUrl()): Promise<ImportSummary> {
  await recordSyncAttempt(url);
  try {
    const { rounds, warnings } = await fetchFeedRounds(url);
    const summary = await importRounds(rounds, { source: url, importedBy: "worker", warnings });
    await recordSyncSuccess(url, summary.added.length);
    return summary;
  } catch (error) {
    const message = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
    await recordSyncFailure(url, message);
    throw error;
  }
}
